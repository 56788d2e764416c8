import { DynamicModule, Module } from '@nestjs/common';
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
import { accountIdOfStream, ContactDependencies, contactStreamId } from './debtor-contact.dependencies';
import { closeContactCase } from './integration/inbound/close-contact-case.consumer';
import { openContactCase } from './integration/inbound/open-contact-case.consumer';
import { openConvertedContactCase } from './integration/inbound/open-converted-contact-case.consumer';
import { reopenContactCase } from './integration/inbound/reopen-contact-case.consumer';
import { contactGateway } from './integration/outbound/contact.gateway';

export const DEBTOR_CONTACT = 'debtor-contact';

const controllers = [RecordContactController, GetCaseController];
const commandHandlers = [RecordContactHandler, OpenContactCaseHandler, CloseContactCaseHandler, ReopenContactCaseHandler];
const queryHandlers = [GetCaseHandler];

/** Composition root of the debtor-contact service: its use cases over the ports it is given. */
@Module({})
export class DebtorContactModule {
  static register(deps: ContactDependencies): DynamicModule {
    const now = () => deps.clock.now();
    const runtime = new ServiceRuntime({
      service: DEBTOR_CONTACT,
      store: deps.eventStore,
      bus: deps.bus,
      gateway: contactGateway(now),
      accountIdOf: accountIdOfStream,
      inbound: [openContactCase, openConvertedContactCase, closeContactCase, reopenContactCase],
      publishes: [CONTACT_CASES],
      now,
      newId: deps.newId,
    });
    return {
      module: DebtorContactModule,
      controllers: [...controllers, auditController(DEBTOR_CONTACT, (accountId) => [contactStreamId(accountId)])],
      providers: [{ provide: SERVICE_DEPENDENCIES, useValue: deps }, ...commandHandlers, ...queryHandlers, runtimeProvider(runtime)],
    };
  }
}
