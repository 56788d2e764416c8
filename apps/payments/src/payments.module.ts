import { DynamicModule, Module } from '@nestjs/common';
import { COMPLIANCE_DECISIONS, PAYMENTS_LEDGER } from '@lib/contracts';
import { withUpcasting } from '@lib/event-store';
import { ServiceRuntime } from '@lib/integration';
import { auditController, commandRefusalGateway, complianceStreamId, runtimeProvider, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ApplyLegalRateHandler } from './application/apply-legal-rate/apply-legal-rate.handler';
import { GetLedgerController } from './application/get-ledger/get-ledger.http.controller';
import { GetLedgerHandler } from './application/get-ledger/get-ledger.handler';
import { OpenLedgerHandler } from './application/open-ledger/open-ledger.handler';
import { PostPaymentController } from './application/post-payment/post-payment.http.controller';
import { PostPaymentHandler } from './application/post-payment/post-payment.handler';
import { GetTrustReconciliationController } from './application/get-trust-reconciliation/get-trust-reconciliation.http.controller';
import { GetTrustReconciliationHandler } from './application/get-trust-reconciliation/get-trust-reconciliation.handler';
import { RefundCreditController } from './application/refund-credit/refund-credit.http.controller';
import { RefundCreditHandler } from './application/refund-credit/refund-credit.handler';
import { RecordAgreementVersionHandler } from './application/record-agreement-version/record-agreement-version.handler';
import { ReversePaymentController } from './application/reverse-payment/reverse-payment.http.controller';
import { ReversePaymentHandler } from './application/reverse-payment/reverse-payment.handler';
import { RecordCancellationFeeHandler } from './application/record-cancellation-fee/record-cancellation-fee.handler';
import { RecordDirectPaymentHandler } from './application/record-direct-payment/record-direct-payment.handler';
import { RecordImportedPaymentHandler } from './application/record-imported-payment/record-imported-payment.handler';
import { recordCancellationFee, recordDirectPayment } from './integration/inbound/after-placement.consumers';
import { applyLegalRate } from './integration/inbound/apply-legal-rate.consumer';
import { recordAddedInvoice, recordBalanceAdjustment } from './integration/inbound/account-changes.consumers';
import { RecordAddedInvoiceHandler } from './application/record-added-invoice/record-added-invoice.handler';
import { RecordBalanceAdjustmentHandler } from './application/record-balance-adjustment/record-balance-adjustment.handler';
import { openLedger } from './integration/inbound/open-ledger.consumer';
import { recordAgreementVersion } from './integration/inbound/record-agreement-version.consumer';
import { recordImportedPayment } from './integration/inbound/record-imported-payment.consumer';
import { ledgerUpcasters } from './domain/ledger/ledger.upcasters';
import { paymentsGateway } from './integration/outbound/payments.gateway';
import { accountIdOfStream, ledgerStreamId, PaymentsDependencies } from './payments.dependencies';

export const PAYMENTS_SERVICE = 'payments';

const controllers = [PostPaymentController, ReversePaymentController, GetLedgerController, RefundCreditController, GetTrustReconciliationController];
const commandHandlers = [PostPaymentHandler, ReversePaymentHandler, OpenLedgerHandler, ApplyLegalRateHandler, RecordAgreementVersionHandler, RecordDirectPaymentHandler, RecordCancellationFeeHandler, RefundCreditHandler, RecordImportedPaymentHandler, RecordAddedInvoiceHandler, RecordBalanceAdjustmentHandler];
const queryHandlers = [GetLedgerHandler, GetTrustReconciliationHandler];

/** Composition root of the payments service: its use cases over the ports it is given. */
@Module({})
export class PaymentsModule {
  static register(given: PaymentsDependencies): DynamicModule {
    // Everything in payments reads the ledger as today's code knows it; the audit trail and
    // the integrity check still see (and verify) each event's stored form.
    const deps: PaymentsDependencies = { ...given, eventStore: withUpcasting(given.eventStore, ledgerUpcasters) };
    const runtime = new ServiceRuntime({
      service: PAYMENTS_SERVICE,
      store: deps.eventStore,
      bus: deps.bus,
      gateway: (stored) => [...paymentsGateway(stored), ...commandRefusalGateway(stored)],
      accountIdOf: accountIdOfStream,
      inbound: [openLedger, applyLegalRate, recordAgreementVersion, recordDirectPayment, recordCancellationFee, recordImportedPayment, recordAddedInvoice, recordBalanceAdjustment],
      publishes: [PAYMENTS_LEDGER, COMPLIANCE_DECISIONS],
      now: () => deps.clock.now(),
      newId: deps.newId,
    });
    return {
      module: PaymentsModule,
      controllers: [...controllers, auditController(PAYMENTS_SERVICE, (accountId) => [ledgerStreamId(accountId), complianceStreamId(accountId)])],
      providers: [{ provide: SERVICE_DEPENDENCIES, useValue: deps }, ...commandHandlers, ...queryHandlers, runtimeProvider(runtime)],
    };
  }
}
