import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { OfferSettlement } from './offer-settlement.command';
import { OfferSettlementRequest, SettlementAnswer } from './offer-settlement.request.dto';

/** A collector or supervisor offers a settlement: approved at once within the client's authority, otherwise on the approval queue. */
@Controller('cases/:accountId/settlements')
export class OfferSettlementController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['collector', 'supervisor'], tag: 'contact cases', uuidParams: ['accountId'], answer: SettlementAnswer, description: 'Offered: approved within authority, otherwise awaiting a supervisor (docs/debtor-contact.md, "Settlements").',
    problems: {
      404: 'No contact case for the account (rule case-unknown).',
      409: 'The case is closed (rule case-closed), another settlement is in play (rule settlement-already-active), or nothing is owed (rule settlement-nothing-owed).',
      422: 'Rules settlement-offer-one-figure, settlement-currency-mismatch, settlement-amount-out-of-range.',
    },
  })
  offer(@UuidParam('accountId') accountId: string, @Body() body: OfferSettlementRequest, @Ctx() context: CommandContext): Promise<SettlementAnswer> {
    return this.commands.execute(new OfferSettlement(accountId, body, context));
  }
}
