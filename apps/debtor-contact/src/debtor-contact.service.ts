import { ClientIntakeKeys, ServiceDefinition } from '@lib/platform';
import { DEBTOR_CONTACT, DebtorContactModule } from './debtor-contact.module';
import { channelsFor } from './integration/communications/channels';

export const DebtorContactService: ServiceDefinition = {
  name: DEBTOR_CONTACT,
  create: async (deps, process) => {
    // Clients call debtor contact too (letters, disputes). Mounted beside client-intake
    // (all-in-one) it uses intake's own key check; alone, it asks client-intake.
    const intakeUrl = process.localStores.has('client-intake') ? undefined : process.config.serviceUrls['client-intake'];
    return DebtorContactModule.register(deps, channelsFor(process.config, process.onClose), intakeUrl ? new ClientIntakeKeys(intakeUrl) : undefined);
  },
};
