import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint } from '@lib/platform';
import { ContactRuleView } from './contact-rule.view';
import { ListContactRules } from './list-contact-rules.query';

/** The contact rule pack: every rule's name, version, scope and what it checks. */
@Controller('compliance/contact-rules')
export class ListContactRulesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['collector', 'supervisor', 'compliance'], tag: 'contact compliance', answer: [ContactRuleView], description: 'The rule pack, in the order its rules are asked.' })
  list(): Promise<ContactRuleView[]> {
    return this.queries.execute(new ListContactRules());
  }
}
