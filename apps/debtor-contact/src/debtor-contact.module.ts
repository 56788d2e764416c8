import { DynamicModule, Module } from '@nestjs/common';
import { CONTACT_CASES } from '@lib/contracts';
import { ServiceRuntime } from '@lib/integration';
import { auditController, runtimeProvider } from '@lib/platform';
import { GetCaseController } from './application/get-case/get-case.http.controller';
import { RecordContactController } from './application/record-contact/record-contact.http.controller';
import { accountIdOfStream, CONTACT, ContactDependencies, contactStreamId } from './debtor-contact.dependencies';
import { closeContactCase } from './integration/inbound/close-contact-case.handler';
import { openContactCase } from './integration/inbound/open-contact-case.handler';
import { reopenContactCase } from './integration/inbound/reopen-contact-case.handler';
import { contactGateway } from './integration/outbound/contact.gateway';

export const DEBTOR_CONTACT = 'debtor-contact';

const useCases = [RecordContactController, GetCaseController];

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
      inbound: [openContactCase(deps), closeContactCase(deps), reopenContactCase(deps)],
      publishes: [CONTACT_CASES],
      now,
      newId: deps.newId,
    });
    const auditTrail = auditController(DEBTOR_CONTACT, CONTACT, (accountId) => [contactStreamId(accountId)]);
    return {
      module: DebtorContactModule,
      controllers: [...useCases, auditTrail],
      providers: [{ provide: CONTACT, useValue: deps }, runtimeProvider(runtime)],
    };
  }
}
