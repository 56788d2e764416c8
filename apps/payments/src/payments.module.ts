import { DynamicModule, Module } from '@nestjs/common';
import { COMPLIANCE_DECISIONS, PAYMENTS_LEDGER, PAYMENTS_REMITTANCES } from '@lib/contracts';
import { withUpcasting } from '@lib/event-store';
import { ServiceRuntime } from '@lib/integration';
import { auditController, CLIENT_KEY_VERIFIER, ClientKeyVerifier, commandRefusalGateway, complianceStreamId, runtimeProvider, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { ApplyLegalRateHandler } from './application/apply-legal-rate/apply-legal-rate.handler';
import { PostAttorneyCollectionHandler } from './application/post-attorney-collection/post-attorney-collection.handler';
import { EndLegalRateHandler } from './application/end-legal-rate/end-legal-rate.handler';
import { RecoverJudgmentCostsHandler } from './application/recover-judgment-costs/recover-judgment-costs.handler';
import { RequestSuitCostsHandler } from './application/request-suit-costs/request-suit-costs.handler';
import { GetLedgerController } from './application/get-ledger/get-ledger.http.controller';
import { GetLedgerHandler } from './application/get-ledger/get-ledger.handler';
import { OpenLedgerHandler } from './application/open-ledger/open-ledger.handler';
import { PostPaymentController } from './application/post-payment/post-payment.http.controller';
import { PostPaymentHandler } from './application/post-payment/post-payment.handler';
import { GetTrustReconciliationController } from './application/get-trust-reconciliation/get-trust-reconciliation.http.controller';
import { GetTrustReconciliationHandler } from './application/get-trust-reconciliation/get-trust-reconciliation.handler';
import { ClientTrustIndexer } from './application/get-trust-reconciliation/client-trust-indexer';
import { RefundCreditController } from './application/refund-credit/refund-credit.http.controller';
import { RefundCreditHandler } from './application/refund-credit/refund-credit.handler';
import { RecordAgreementVersionHandler } from './application/record-agreement-version/record-agreement-version.handler';
import { ReversePaymentController } from './application/reverse-payment/reverse-payment.http.controller';
import { ReversePaymentHandler } from './application/reverse-payment/reverse-payment.handler';
import { RecordCancellationFeeHandler } from './application/record-cancellation-fee/record-cancellation-fee.handler';
import { RecordDirectPaymentHandler } from './application/record-direct-payment/record-direct-payment.handler';
import { RecordImportedPaymentHandler } from './application/record-imported-payment/record-imported-payment.handler';
import { recordCancellationFee, recordDirectPayment } from './integration/inbound/after-placement.consumers';
import { followLegalStage } from './integration/inbound/apply-legal-rate.consumer';
import { recordAddedInvoice, recordBalanceAdjustment } from './integration/inbound/account-changes.consumers';
import { RecordAddedInvoiceHandler } from './application/record-added-invoice/record-added-invoice.handler';
import { RecordBalanceAdjustmentHandler } from './application/record-balance-adjustment/record-balance-adjustment.handler';
import { openLedger } from './integration/inbound/open-ledger.consumer';
import { recordAgreementVersion } from './integration/inbound/record-agreement-version.consumer';
import { recordImportedPayment } from './integration/inbound/record-imported-payment.consumer';
import { ledgerUpcasters } from './domain/ledger/ledger.upcasters';
import { paymentsGateway } from './integration/outbound/payments.gateway';
import { GetCostAdvancesController } from './application/get-cost-advances/get-cost-advances.http.controller';
import { GetCostAdvancesHandler } from './application/get-cost-advances/get-cost-advances.handler';
import { RequestCostAdvanceController } from './application/request-cost-advance/request-cost-advance.http.controller';
import { RequestCostAdvanceHandler } from './application/request-cost-advance/request-cost-advance.handler';
import { ReceiveCostAdvanceController } from './application/receive-cost-advance/receive-cost-advance.http.controller';
import { ReceiveCostAdvanceHandler } from './application/receive-cost-advance/receive-cost-advance.handler';
import { SpendCostAdvanceController } from './application/spend-cost-advance/spend-cost-advance.http.controller';
import { SpendCostAdvanceHandler } from './application/spend-cost-advance/spend-cost-advance.handler';
import { RecoverCostAdvanceController } from './application/recover-cost-advance/recover-cost-advance.http.controller';
import { RecoverCostAdvanceHandler } from './application/recover-cost-advance/recover-cost-advance.handler';
import { RefundCostAdvanceController } from './application/refund-cost-advance/refund-cost-advance.http.controller';
import { RefundCostAdvanceHandler } from './application/refund-cost-advance/refund-cost-advance.handler';
import { GetCommissionWhatIfController } from './application/get-commission-what-if/get-commission-what-if.http.controller';
import { GetCommissionWhatIfHandler } from './application/get-commission-what-if/get-commission-what-if.handler';
import { costAdvancesStreamId } from './domain/cost-advances/cost-advance.events';
import { accountIdOfStream, ledgerStreamId, PaymentsDependencies } from './payments.dependencies';
import { RunRemittanceController } from './application/run-remittance/run-remittance.http.controller';
import { RunRemittanceHandler } from './application/run-remittance/run-remittance.handler';
import { RemittanceRunWork } from './application/run-remittance/remittance-run.work';
import { ListRemittancesController } from './application/list-remittances/list-remittances.http.controller';
import { ListRemittancesHandler } from './application/list-remittances/list-remittances.handler';
import { GetRemittanceController } from './application/get-remittance/get-remittance.http.controller';
import { GetRemittanceHandler, RenderRemittanceHandler } from './application/get-remittance/get-remittance.handler';

export const PAYMENTS_SERVICE = 'payments';

const controllers = [PostPaymentController, ReversePaymentController, GetLedgerController, RefundCreditController, GetTrustReconciliationController, GetCostAdvancesController, RequestCostAdvanceController, ReceiveCostAdvanceController, SpendCostAdvanceController, RecoverCostAdvanceController, RefundCostAdvanceController, GetCommissionWhatIfController, RunRemittanceController, ListRemittancesController, GetRemittanceController];
const commandHandlers = [PostPaymentHandler, ReversePaymentHandler, OpenLedgerHandler, ApplyLegalRateHandler, RecordAgreementVersionHandler, RecordDirectPaymentHandler, RecordCancellationFeeHandler, RefundCreditHandler, RecordImportedPaymentHandler, RecordAddedInvoiceHandler, RecordBalanceAdjustmentHandler, PostAttorneyCollectionHandler, RequestSuitCostsHandler, RecoverJudgmentCostsHandler, EndLegalRateHandler, RequestCostAdvanceHandler, ReceiveCostAdvanceHandler, SpendCostAdvanceHandler, RecoverCostAdvanceHandler, RefundCostAdvanceHandler, RunRemittanceHandler];
const queryHandlers = [GetLedgerHandler, GetTrustReconciliationHandler, GetCostAdvancesHandler, GetCommissionWhatIfHandler, ListRemittancesHandler, GetRemittanceHandler, RenderRemittanceHandler];

/**
 * The streams of an account payments keeps, as its audit endpoint lists and verifies them;
 * reporting's integrity check in the all-in-one reads the same ones (test/contracts/audited-streams.unit.spec.ts).
 */
export const auditedStreamsOf = (accountId: string): string[] => [ledgerStreamId(accountId), costAdvancesStreamId(accountId), complianceStreamId(accountId)];

/** Composition root of the payments service: its use cases over the ports it is given. */
@Module({})
export class PaymentsModule {
  static register(given: PaymentsDependencies, options: { clientKeys?: ClientKeyVerifier } = {}): DynamicModule {
    // Everything in payments reads the ledger as today's code knows it; the audit trail and
    // the integrity check still see (and verify) each event's stored form.
    const deps: PaymentsDependencies = { ...given, eventStore: withUpcasting(given.eventStore, ledgerUpcasters) };
    // Remittance runs are durable work in payments' own store, as intake's webhook attempts are in its.
    const scheduler = new DurableScheduler(deps.eventStore, deps.clock);
    deps.clockControl?.schedulers.add(scheduler);
    const runtime = new ServiceRuntime({
      service: PAYMENTS_SERVICE,
      store: deps.eventStore,
      bus: deps.bus,
      gateway: (stored) => [...paymentsGateway(stored), ...commandRefusalGateway(stored)],
      accountIdOf: accountIdOfStream,
      inbound: [openLedger, followLegalStage, recordAgreementVersion, recordDirectPayment, recordCancellationFee, recordImportedPayment, recordAddedInvoice, recordBalanceAdjustment],
      scheduler,
      publishes: [PAYMENTS_LEDGER, PAYMENTS_REMITTANCES, COMPLIANCE_DECISIONS],
      now: () => deps.clock.now(),
      newId: deps.newId,
    });
    const clientKeys = options.clientKeys ? [{ provide: CLIENT_KEY_VERIFIER, useValue: options.clientKeys }] : [];
    return {
      module: PaymentsModule,
      controllers: [...controllers, auditController(PAYMENTS_SERVICE, auditedStreamsOf)],
      providers: [
        { provide: SERVICE_DEPENDENCIES, useValue: deps },
        // Not exported: in the all-in-one process each service's handlers get their own scheduler.
        { provide: DurableScheduler, useValue: scheduler },
        RemittanceRunWork,
        ClientTrustIndexer,
        ...commandHandlers,
        ...queryHandlers,
        ...clientKeys,
        runtimeProvider(runtime),
      ],
      // For the process's auth guard, which looks for the key check among what its modules export.
      exports: clientKeys.map((provider) => provider.provide),
    };
  }
}
