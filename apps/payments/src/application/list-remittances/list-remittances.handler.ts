import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import type { PaymentsDependencies } from '../../payments.dependencies';
import { readIssuedRemittances, remittanceSummary } from '../get-remittance/read-remittances';
import type { RemittanceSummaryView } from '../get-remittance/remittance.view';
import { ListRemittances } from './list-remittances.query';

/** Staff see any client's statements; a client asking for another client's learns nothing of them (404). */
@QueryHandler(ListRemittances)
export class ListRemittancesHandler implements IQueryHandler<ListRemittances> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ clientId, principal }: ListRemittances): Promise<RemittanceSummaryView[]> {
    if (principal.role === 'client' && principal.id !== clientId) throw new Refused({ rule: 'client-unknown', reason: `no client ${clientId} for this key` });
    return (await readIssuedRemittances(this.deps.eventStore, clientId)).map(remittanceSummary);
  }
}
