import { createReadModelStore, ServiceDefinition } from '@lib/platform';
import { DEBTOR_CONTACT, DebtorContactModule } from './debtor-contact.module';
import { channelsFor } from './integration/communications/channels';

export const DebtorContactService: ServiceDefinition = {
  name: DEBTOR_CONTACT,
  create: async (deps, process) => {
    // The work queue and approvals live beside reporting's read models, in a schema of their own.
    const readModels = await createReadModelStore(process.config.readModels, { db: process.embeddedDatabase, schema: 'rm_debtor_contact' });
    process.onClose(() => readModels.close());
    return DebtorContactModule.register(deps, channelsFor(process.config, process.onClose), readModels);
  },
};
