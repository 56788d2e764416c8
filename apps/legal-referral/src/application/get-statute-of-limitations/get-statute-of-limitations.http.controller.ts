import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint, UuidParam } from '@lib/platform';
import { StatuteOfLimitationsView } from '../statute-of-limitations.view';
import { GetStatuteOfLimitations } from './get-statute-of-limitations.query';

/** When the account becomes time-barred, and why: jurisdiction, claim type, period and citation, restarts and tolling. */
@Controller('accounts/:accountId/statute-of-limitations')
export class GetStatuteOfLimitationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['legal', 'supervisor', 'compliance'], tag: 'statute-of-limitations', uuidParams: ['accountId'], answer: StatuteOfLimitationsView, description: "The account's statute-of-limitations date and the reason: the debtor's jurisdiction, the claim type, the period with its citation, where it last started, and the days tolled.", problems: { 404: 'No referral case for the account (rule referral-unknown).' } })
  get(@UuidParam('accountId') accountId: string): Promise<StatuteOfLimitationsView> {
    return this.queries.execute(new GetStatuteOfLimitations(accountId));
  }
}
