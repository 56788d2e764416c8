import { ServiceDefinition } from '@lib/platform';
import { DEBTOR_CONTACT, DebtorContactModule } from './debtor-contact.module';
import { channelsFor } from './integration/communications/channels';
import { personalLinksFor } from '../../portal/src/personal-links';

export const DebtorContactService: ServiceDefinition = {
  name: DEBTOR_CONTACT,
  create: async (deps, process) => DebtorContactModule.register({ ...deps, personalLinks: personalLinksFor(process) }, channelsFor(process.config, process.onClose)),
};
