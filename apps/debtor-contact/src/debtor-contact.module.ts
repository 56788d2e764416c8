import { DynamicModule, Module } from '@nestjs/common';
import { DurableScheduler } from '@lib/scheduler';
import { COMPLIANCE_DECISIONS, CONTACT_CASES } from '@lib/contracts';
import { ServiceRuntime } from '@lib/integration';
import { auditController, CLIENT_KEY_VERIFIER, ClientKeyVerifier, complianceStreamId, runtimeProvider, SERVICE_DEPENDENCIES } from '@lib/platform';
import { CloseContactCaseHandler } from './application/close-contact-case/close-contact-case.handler';
import { GetCaseController } from './application/get-case/get-case.http.controller';
import { GetCaseHandler } from './application/get-case/get-case.handler';
import { OpenContactCaseHandler } from './application/open-contact-case/open-contact-case.handler';
import { RecordContactController } from './application/record-contact/record-contact.http.controller';
import { RecordContactHandler } from './application/record-contact/record-contact.handler';
import { ReopenContactCaseHandler } from './application/reopen-contact-case/reopen-contact-case.handler';
import { accountIdOfStream, ContactDependencies, contactStreamId, plansStreamId, promisesStreamId } from './debtor-contact.dependencies';
import { closeContactCase } from './integration/inbound/close-contact-case.consumer';
import { openContactCase } from './integration/inbound/open-contact-case.consumer';
import { openConvertedContactCase } from './integration/inbound/open-converted-contact-case.consumer';
import { reopenContactCase } from './integration/inbound/reopen-contact-case.consumer';
import { replaceCaseDebtor } from './integration/inbound/replace-case-debtor.consumer';
import { ReplaceCaseDebtorHandler } from './application/replace-case-debtor/replace-case-debtor.handler';
import { contactGateway } from './integration/outbound/contact.gateway';
import type { MessageChannels } from './domain/communications/communications.port';
import { localChannels } from './integration/communications/local-channels';
import { MessageDispatcher } from './integration/communications/message-dispatcher';
import { MessageDispatcherLifecycle } from './integration/communications/message-dispatcher.lifecycle';
import { ListLettersController } from './application/list-letters/list-letters.http.controller';
import { ListLettersHandler } from './application/list-letters/list-letters.handler';
import { DownloadLetterController } from './application/download-letter/download-letter.http.controller';
import { DownloadLetterHandler } from './application/download-letter/download-letter.handler';
import { arrangementControllers, arrangementProviders } from './application/arrangements.providers';
import { trackPromise } from './integration/inbound/track-promise.consumer';
import { notePayment } from './integration/inbound/note-payment.consumer';
import { notePaymentReversal } from './integration/inbound/note-payment-reversal.consumer';
import { arrangementsGateway } from './integration/outbound/arrangements.gateway';
import { RecordCeaseRequestController } from './application/record-cease-request/record-cease-request.http.controller';
import { RecordCeaseRequestHandler } from './application/record-cease-request/record-cease-request.handler';
import { RecordAttorneyRepresentationController } from './application/record-attorney-representation/record-attorney-representation.http.controller';
import { RecordAttorneyRepresentationHandler } from './application/record-attorney-representation/record-attorney-representation.handler';
import { MarkCaseTimeBarredHandler } from './application/mark-case-time-barred/mark-case-time-barred.handler';
import { markCaseTimeBarred } from './integration/inbound/mark-case-time-barred.consumer';
import { ListContactRulesController } from './application/list-contact-rules/list-contact-rules.http.controller';
import { ListContactRulesHandler } from './application/list-contact-rules/list-contact-rules.handler';
import { ListCaseContactRulesController } from './application/list-case-contact-rules/list-case-contact-rules.http.controller';
import { ListCaseContactRulesHandler } from './application/list-case-contact-rules/list-case-contact-rules.handler';
import { complianceDecisionsGateway } from './integration/outbound/compliance-decisions.gateway';

import { holdsGateway } from './integration/outbound/holds.gateway';
import { EndHoldHandler } from './application/end-hold/end-hold.handler';
import { HoldEndWork } from './application/end-hold/hold-end.work';
import { PlaceHoldController } from './application/place-hold/place-hold.http.controller';
import { PlaceHoldHandler } from './application/place-hold/place-hold.handler';
import { LiftHoldController } from './application/lift-hold/lift-hold.http.controller';
import { LiftHoldHandler } from './application/lift-hold/lift-hold.handler';
import { DischargeBankruptcyController } from './application/discharge-bankruptcy/discharge-bankruptcy.http.controller';
import { DischargeBankruptcyHandler } from './application/discharge-bankruptcy/discharge-bankruptcy.handler';
import { OpenDisputeController } from './application/open-dispute/open-dispute.http.controller';
import { OpenDisputeHandler } from './application/open-dispute/open-dispute.handler';
import { ResolveDisputeController } from './application/resolve-dispute/resolve-dispute.http.controller';
import { ResolveDisputeHandler } from './application/resolve-dispute/resolve-dispute.handler';
import { ReportSkipController } from './application/report-skip/report-skip.http.controller';
import { ReportSkipHandler } from './application/report-skip/report-skip.handler';
import { RecordContactDataController } from './application/record-contact-data/record-contact-data.http.controller';
import { RecordContactDataHandler } from './application/record-contact-data/record-contact-data.handler';
import { ListSkipQueueController } from './application/list-skip-queue/list-skip-queue.http.controller';
import { ListSkipQueueHandler } from './application/list-skip-queue/list-skip-queue.handler';
import { GetHoldsController } from './application/get-holds/get-holds.http.controller';
import { GetHoldsHandler } from './application/get-holds/get-holds.handler';
import { createInMemoryReadModelStore, ReadModelStore } from '@lib/read-models';
import { cadenceControllers, cadenceProviders } from './application/cadence.providers';
import { noteForcedRecall } from './integration/inbound/note-forced-recall.consumer';
import { pauseCadenceOnHold, resumeCadenceOnLift } from './integration/inbound/apply-cadence-hold.consumer';
import { WorkQueueProjector } from './integration/read-models/work-queue.projector';
import { assignmentStreamId, cadenceStreamId, settlementsStreamId } from './debtor-contact.dependencies';
import { settlementControllers, settlementProviders } from './application/settlements.providers';
import { noteAccountBalance, noteOnboardingSettlementAuthority, noteSettlementAuthority, noteSettlementClientDecision } from './integration/inbound/settlements.consumers';
import { settlementsGateway } from './integration/outbound/settlements.gateway';
import { writeOffsGateway } from './integration/outbound/write-offs.gateway';
import { writeOffControllers, writeOffProviders } from './application/write-offs.providers';
import { writeOffsStreamId } from './domain/write-offs/write-off.decider';

export const DEBTOR_CONTACT = 'debtor-contact';

/** Holds, disputes and skip tracing (domain/holds, domain/disputes). */
const holdControllers = [PlaceHoldController, LiftHoldController, DischargeBankruptcyController, OpenDisputeController, ResolveDisputeController, ReportSkipController, RecordContactDataController, ListSkipQueueController, GetHoldsController];
const holdCommandHandlers = [EndHoldHandler, PlaceHoldHandler, LiftHoldHandler, DischargeBankruptcyHandler, OpenDisputeHandler, ResolveDisputeHandler, ReportSkipHandler, RecordContactDataHandler];
const holdQueryHandlers = [ListSkipQueueHandler, GetHoldsHandler];

const controllers = [RecordContactController, GetCaseController, ListLettersController, DownloadLetterController, RecordCeaseRequestController, RecordAttorneyRepresentationController, ListContactRulesController, ListCaseContactRulesController, ...holdControllers];
const commandHandlers = [RecordContactHandler, OpenContactCaseHandler, CloseContactCaseHandler, ReopenContactCaseHandler, ReplaceCaseDebtorHandler, RecordCeaseRequestHandler, RecordAttorneyRepresentationHandler, MarkCaseTimeBarredHandler, ...holdCommandHandlers];
const queryHandlers = [GetCaseHandler, ListLettersHandler, DownloadLetterHandler, ListContactRulesHandler, ListCaseContactRulesHandler, ...holdQueryHandlers];

/**
 * The streams of an account debtor contact keeps, as its audit endpoint lists and verifies them;
 * reporting's integrity check in the all-in-one reads the same ones (test/contracts/audited-streams.unit.spec.ts).
 */
export const auditedStreamsOf = (accountId: string): string[] => [
  contactStreamId(accountId),
  promisesStreamId(accountId),
  plansStreamId(accountId),
  complianceStreamId(accountId),
  cadenceStreamId(accountId),
  assignmentStreamId(accountId),
  settlementsStreamId(accountId),
  writeOffsStreamId(accountId),
];

/**
 * Composition root of the debtor-contact service: its use cases over the ports it is
 * given. `channels` is the communications port (local adapters unless the process chose
 * others, see `channelsFor`). `readModels` holds the work queue and the approvals
 * (in memory unless the process chose a store, see `DebtorContactService`). `clientKeys`
 * checks clients' API keys where client-intake is not in the same process.
 */
@Module({})
export class DebtorContactModule {
  static register(deps: ContactDependencies, channels: MessageChannels = localChannels(), readModels: ReadModelStore = createInMemoryReadModelStore(), clientKeys?: ClientKeyVerifier): DynamicModule {
    const clientKeyProviders = clientKeys ? [{ provide: CLIENT_KEY_VERIFIER, useValue: clientKeys }] : [];
    const now = () => deps.clock.now();
    // Promise and installment checks, and hold end dates, are durable work in the service's own store: one scheduler for all of them.
    const scheduler = new DurableScheduler(deps.eventStore, deps.clock);
    deps.clockControl?.schedulers.add(scheduler);
    const caseGateway = contactGateway(now);
    const refusalsGateway = complianceDecisionsGateway(now);
    const runtime = new ServiceRuntime({
      service: DEBTOR_CONTACT,
      store: deps.eventStore,
      bus: deps.bus,
      gateway: (stored) => [...caseGateway(stored), ...arrangementsGateway(stored), ...holdsGateway(stored), ...settlementsGateway(stored), ...writeOffsGateway(stored), ...refusalsGateway(stored)],
      accountIdOf: accountIdOfStream,
      inbound: [openContactCase, openConvertedContactCase, closeContactCase, reopenContactCase, replaceCaseDebtor, trackPromise, notePayment, notePaymentReversal, markCaseTimeBarred, noteForcedRecall, pauseCadenceOnHold, resumeCadenceOnLift, noteSettlementClientDecision, noteSettlementAuthority, noteOnboardingSettlementAuthority, noteAccountBalance],
      scheduler,
      publishes: [CONTACT_CASES, COMPLIANCE_DECISIONS],
      now,
      newId: deps.newId,
    });
    const dispatcher = new MessageDispatcher({ store: deps.eventStore, channels, now, newId: deps.newId });
    const projector = new WorkQueueProjector(deps.eventStore, readModels);
    return {
      module: DebtorContactModule,
      controllers: [...controllers, ...arrangementControllers, ...cadenceControllers, ...settlementControllers, ...writeOffControllers, auditController(DEBTOR_CONTACT, auditedStreamsOf)],
      providers: [{ provide: SERVICE_DEPENDENCIES, useValue: deps }, { provide: DurableScheduler, useValue: scheduler }, HoldEndWork, ...arrangementProviders, ...settlementProviders, ...writeOffProviders, ...cadenceProviders(projector), ...commandHandlers, ...queryHandlers, runtimeProvider(runtime), { provide: Symbol('message-dispatcher'), useFactory: () => new MessageDispatcherLifecycle(dispatcher) }, ...clientKeyProviders],
      // For the process's auth guard, which looks for the key check among what its modules export.
      exports: clientKeyProviders.map((provider) => provider.provide),
    };
  }
}
