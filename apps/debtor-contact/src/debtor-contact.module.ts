import { DynamicModule, Module } from '@nestjs/common';
import { DurableScheduler } from '@lib/scheduler';
import { CONTACT_CASES } from '@lib/contracts';
import { ServiceRuntime } from '@lib/integration';
import { auditController, runtimeProvider, SERVICE_DEPENDENCIES } from '@lib/platform';
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
import { createInMemoryReadModelStore, ReadModelStore } from '@lib/read-models';
import { cadenceControllers, cadenceProviders } from './application/cadence.providers';
import { noteForcedRecall } from './integration/inbound/note-forced-recall.consumer';
import { WorkQueueProjector } from './integration/read-models/work-queue.projector';
import { assignmentStreamId, cadenceStreamId } from './debtor-contact.dependencies';

export const DEBTOR_CONTACT = 'debtor-contact';

const controllers = [RecordContactController, GetCaseController, ListLettersController, DownloadLetterController];
const commandHandlers = [RecordContactHandler, OpenContactCaseHandler, CloseContactCaseHandler, ReopenContactCaseHandler, ReplaceCaseDebtorHandler];
const queryHandlers = [GetCaseHandler, ListLettersHandler, DownloadLetterHandler];

/**
 * Composition root of the debtor-contact service: its use cases over the ports it is
 * given. `channels` is the communications port (local adapters unless the process chose
 * others, see `channelsFor`). `readModels` holds the work queue and the approvals
 * (in memory unless the process chose a store, see `DebtorContactService`).
 */
@Module({})
export class DebtorContactModule {
  static register(deps: ContactDependencies, channels: MessageChannels = localChannels(), readModels: ReadModelStore = createInMemoryReadModelStore()): DynamicModule {
    const now = () => deps.clock.now();
    // Promise and installment checks are durable work in the service's own store.
    const scheduler = new DurableScheduler(deps.eventStore, deps.clock);
    deps.clockControl?.schedulers.add(scheduler);
    const caseGateway = contactGateway(now);
    const runtime = new ServiceRuntime({
      service: DEBTOR_CONTACT,
      store: deps.eventStore,
      bus: deps.bus,
      gateway: (stored) => [...caseGateway(stored), ...arrangementsGateway(stored)],
      accountIdOf: accountIdOfStream,
      inbound: [openContactCase, openConvertedContactCase, closeContactCase, reopenContactCase, replaceCaseDebtor, trackPromise, notePayment, notePaymentReversal, noteForcedRecall],
      scheduler,
      publishes: [CONTACT_CASES],
      now,
      newId: deps.newId,
    });
    const dispatcher = new MessageDispatcher({ store: deps.eventStore, channels, now, newId: deps.newId });
    const projector = new WorkQueueProjector(deps.eventStore, readModels);
    return {
      module: DebtorContactModule,
      controllers: [...controllers, ...arrangementControllers, ...cadenceControllers, auditController(DEBTOR_CONTACT, (accountId) => [contactStreamId(accountId), promisesStreamId(accountId), plansStreamId(accountId), cadenceStreamId(accountId), assignmentStreamId(accountId)])],
      providers: [{ provide: SERVICE_DEPENDENCIES, useValue: deps }, { provide: DurableScheduler, useValue: scheduler }, ...arrangementProviders, ...cadenceProviders(projector), ...commandHandlers, ...queryHandlers, runtimeProvider(runtime), { provide: Symbol('message-dispatcher'), useFactory: () => new MessageDispatcherLifecycle(dispatcher) }],
    };
  }
}
