import { ServiceDefinition } from '@lib/platform';
import { DEBTOR_CONTACT, DebtorContactModule } from './debtor-contact.module';

export const DebtorContactService: ServiceDefinition = {
  name: DEBTOR_CONTACT,
  create: async (deps) => DebtorContactModule.register(deps),
};
