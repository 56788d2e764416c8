import { DynamicModule, Module } from '@nestjs/common';
import { DurableScheduler } from '@lib/scheduler';
import { COMPLIANCE_DECISIONS, CONTACT_CASES } from '@lib/contracts';
import { ServiceRuntime } from '@lib/integration';
import { auditController, complianceStreamId, runtimeProvider, SERVICE_DEPENDENCIES } from '@lib/platform';
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

export const DEBTOR_CONTACT = 'debtor-contact';

const controllers = [RecordContactController, GetCaseController, ListLettersController, DownloadLetterController, RecordCeaseRequestController, RecordAttorneyRepresentationController, ListContactRulesController, ListCaseContactRulesController];
const commandHandlers = [RecordContactHandler, OpenContactCaseHandler, CloseContactCaseHandler, ReopenContactCaseHandler, ReplaceCaseDebtorHandler, RecordCeaseRequestHandler, RecordAttorneyRepresentationHandler, MarkCaseTimeBarredHandler];
const queryHandlers = [GetCaseHandler, ListLettersHandler, DownloadLetterHandler, ListContactRulesHandler, ListCaseContactRulesHandler];

/**
 * Composition root of the debtor-contact service: its use cases over the ports it is
 * given. `channels` is the communications port (local adapters unless the process chose
 * others, see `channelsFor`).
 */
@Module({})
export class DebtorContactModule {
  static register(deps: ContactDependencies, channels: MessageChannels = localChannels()): DynamicModule {
    const now = () => deps.clock.now();
    // Promise and installment checks are durable work in the service's own store.
    const scheduler = new DurableScheduler(deps.eventStore, deps.clock);
    deps.clockControl?.schedulers.add(scheduler);
    const caseGateway = contactGateway(now);
    const refusalsGateway = complianceDecisionsGateway(now);
    const runtime = new ServiceRuntime({
      service: DEBTOR_CONTACT,
      store: deps.eventStore,
      bus: deps.bus,
      gateway: (stored) => [...caseGateway(stored), ...arrangementsGateway(stored), ...refusalsGateway(stored)],
      accountIdOf: accountIdOfStream,
      inbound: [openContactCase, openConvertedContactCase, closeContactCase, reopenContactCase, replaceCaseDebtor, trackPromise, notePayment, notePaymentReversal, markCaseTimeBarred],
      scheduler,
      publishes: [CONTACT_CASES, COMPLIANCE_DECISIONS],
      now,
      newId: deps.newId,
    });
    const dispatcher = new MessageDispatcher({ store: deps.eventStore, channels, now, newId: deps.newId });
    return {
      module: DebtorContactModule,
      controllers: [...controllers, ...arrangementControllers, auditController(DEBTOR_CONTACT, (accountId) => [contactStreamId(accountId), promisesStreamId(accountId), plansStreamId(accountId), complianceStreamId(accountId)])],
      providers: [{ provide: SERVICE_DEPENDENCIES, useValue: deps }, { provide: DurableScheduler, useValue: scheduler }, ...arrangementProviders, ...commandHandlers, ...queryHandlers, runtimeProvider(runtime), { provide: Symbol('message-dispatcher'), useFactory: () => new MessageDispatcherLifecycle(dispatcher) }],
    };
  }
}
