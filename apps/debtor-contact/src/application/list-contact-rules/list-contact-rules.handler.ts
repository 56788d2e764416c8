import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { contactComplianceRules } from '../../domain/compliance/compliance-rules';
import { ContactRuleView, contactRuleView } from './contact-rule.view';
import { ListContactRules } from './list-contact-rules.query';

/** The pack in force, read from the same list the rules are asked from. */
@QueryHandler(ListContactRules)
export class ListContactRulesHandler implements IQueryHandler<ListContactRules> {
  execute(): Promise<ContactRuleView[]> {
    return Promise.resolve(contactComplianceRules.map(contactRuleView));
  }
}
