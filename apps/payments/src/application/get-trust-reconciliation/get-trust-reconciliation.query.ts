import { Query } from '@nestjs/cqrs';
import type { TrustReconciliationView } from './trust-reconciliation.view';

export class GetTrustReconciliation extends Query<TrustReconciliationView> {
  constructor(
    readonly clientId: string | undefined,
    readonly asOf: string | undefined,
  ) {
    super();
  }
}
