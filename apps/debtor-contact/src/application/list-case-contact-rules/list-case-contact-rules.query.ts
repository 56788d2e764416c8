import { Query } from '@nestjs/cqrs';
import type { ContactRuleView } from '../list-contact-rules/contact-rule.view';

/** The rules of the pack that apply to one account. */
export class ListCaseContactRules extends Query<ContactRuleView[]> {
  constructor(readonly accountId: string) {
    super();
  }
}
