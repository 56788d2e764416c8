import { Query } from '@nestjs/cqrs';
import type { ContactCaseView } from './contact-case.view';

export class GetCase extends Query<ContactCaseView> {
  constructor(readonly accountId: string) {
    super();
  }
}
