import { ClientIntakeKeys, createReadModelStore, ServiceDefinition } from '@lib/platform';
import { DEBTOR_CONTACT, DebtorContactModule } from './debtor-contact.module';
import { channelsFor } from './integration/communications/channels';
import { personalLinksFor } from '../../portal/src/personal-links';

export const DebtorContactService: ServiceDefinition = {
  name: DEBTOR_CONTACT,
  create: async (deps, process) => {
    // The work queue and approvals live beside reporting's read models, in a schema of their own.
    const readModels = await createReadModelStore(process.config.readModels, { db: process.embeddedDatabase, schema: 'rm_debtor_contact' });
    process.onClose(() => readModels.close());
    // Clients call debtor contact too (letters, disputes). Mounted beside client-intake
    // (all-in-one) it uses intake's own key check; alone, it asks client-intake.
    const intakeUrl = process.localStores.has('client-intake') ? undefined : process.config.serviceUrls['client-intake'];
    return DebtorContactModule.register({ ...deps, personalLinks: personalLinksFor(process) }, channelsFor(process.config, process.onClose), readModels, intakeUrl ? new ClientIntakeKeys(intakeUrl) : undefined);
  },
};
