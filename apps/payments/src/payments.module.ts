import { DynamicModule, Module } from '@nestjs/common';
import { PAYMENTS_LEDGER } from '@lib/contracts';
import { withUpcasting } from '@lib/event-store';
import { ServiceRuntime } from '@lib/integration';
import { auditController, runtimeProvider } from '@lib/platform';
import { GetLedgerController } from './application/get-ledger/get-ledger.http.controller';
import { PostPaymentController } from './application/post-payment/post-payment.http.controller';
import { ReversePaymentController } from './application/reverse-payment/reverse-payment.http.controller';
import { ledgerUpcasters } from './domain/ledger/ledger.upcasters';
import { applyLegalRate } from './integration/inbound/apply-legal-rate.handler';
import { openLedger } from './integration/inbound/open-ledger.handler';
import { paymentsGateway } from './integration/outbound/payments.gateway';
import { accountIdOfStream, ledgerStreamId, PAYMENTS, PaymentsDependencies } from './payments.dependencies';

export const PAYMENTS_SERVICE = 'payments';

const useCases = [PostPaymentController, ReversePaymentController, GetLedgerController];

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
      gateway: paymentsGateway,
      accountIdOf: accountIdOfStream,
      inbound: [openLedger(deps), applyLegalRate(deps)],
      publishes: [PAYMENTS_LEDGER],
      now: () => deps.clock.now(),
      newId: deps.newId,
    });
    const auditTrail = auditController(PAYMENTS_SERVICE, PAYMENTS, (accountId) => [ledgerStreamId(accountId)]);
    return {
      module: PaymentsModule,
      controllers: [...useCases, auditTrail],
      providers: [{ provide: PAYMENTS, useValue: deps }, runtimeProvider(runtime)],
    };
  }
}
