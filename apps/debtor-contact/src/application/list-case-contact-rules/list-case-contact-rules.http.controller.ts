import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint, UuidParam } from '@lib/platform';
import { ContactRuleView } from '../list-contact-rules/contact-rule.view';
import { ListCaseContactRules } from './list-case-contact-rules.query';

/** The rules that judge contact on this account, in the order they are asked. */
@Controller('cases/:accountId/contact-rules')
export class ListCaseContactRulesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({
    roles: ['collector', 'supervisor', 'compliance'], tag: 'contact compliance', uuidParams: ['accountId'], answer: [ContactRuleView], description: 'The rules of the pack whose scope the account falls in.',
    problems: { 404: 'No contact case for the account (rule case-unknown).' },
  })
  list(@UuidParam('accountId') accountId: string): Promise<ContactRuleView[]> {
    return this.queries.execute(new ListCaseContactRules(accountId));
  }
}
