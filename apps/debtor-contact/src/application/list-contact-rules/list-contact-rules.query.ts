import { Query } from '@nestjs/cqrs';
import type { ContactRuleView } from './contact-rule.view';

/** The contact rule pack, in the order its rules are asked. */
export class ListContactRules extends Query<ContactRuleView[]> {}
