import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { contactComplianceRules } from '../../domain/compliance/compliance-rules';
import { rulesApplyingTo } from '../../domain/compliance/rule-scope';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { ContactRuleView, contactRuleView } from '../list-contact-rules/contact-rule.view';
import { ListCaseContactRules } from './list-case-contact-rules.query';

/** The selection the contact rules make for the account now (its kind of debt, the debtor's jurisdiction, its client). */
@QueryHandler(ListCaseContactRules)
export class ListCaseContactRulesHandler implements IQueryHandler<ListCaseContactRules> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId }: ListCaseContactRules): Promise<ContactRuleView[]> {
    const { state } = await aggregateStream(this.deps.eventStore, contactCaseDecider, contactStreamId(accountId));
    if (state.status === 'none') throw new Refused({ rule: 'case-unknown', reason: `no contact case for account ${accountId}` });
    return rulesApplyingTo(contactComplianceRules, state).map(contactRuleView);
  }
}
