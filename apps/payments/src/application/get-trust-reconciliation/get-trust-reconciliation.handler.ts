import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { reconcile } from '../../domain/trust-ledger/reconciliation';
import { trustLedgerOf } from '../../domain/trust-ledger/trust-ledger';
import type { PaymentsDependencies } from '../../payments.dependencies';
import { GetTrustReconciliation } from './get-trust-reconciliation.query';
import { readTrustInputs } from './read-trust-inputs';
import type { TrustReconciliationView } from './trust-reconciliation.view';

/**
 * The trust ledger folded from payments' own events on each read (docs/payments.md,
 * "Trust ledger"): the same pure function the property tests check, so the figures an
 * accountant sees are the ones proven to reconcile.
 */
@QueryHandler(GetTrustReconciliation)
export class GetTrustReconciliationHandler implements IQueryHandler<GetTrustReconciliation> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ clientId, asOf }: GetTrustReconciliation): Promise<TrustReconciliationView> {
    const at = asOf !== undefined ? new Date(asOf) : this.deps.clock.now();
    const ledger = trustLedgerOf(await readTrustInputs(this.deps.eventStore, at, clientId));
    const currencies = reconcile(ledger);
    return { asOf: at.toISOString(), clientId: clientId ?? null, invariantHolds: currencies.every((c) => c.invariantHolds), journalEntries: ledger.entries.length, currencies };
  }
}
