import { ServiceDefinition, signStaffToken } from '@lib/platform';
import { systemClock } from '@lib/clock';
import { HttpAccounts } from './integration/accounts/http-accounts';
import { FileSystemDisputeDocuments } from './integration/documents/file-system-documents';
import { InMemoryDisputeDocuments } from './integration/documents/in-memory-documents';
import { LocalCheckoutProvider } from './integration/payment-provider/local-checkout.provider';
import { StripeCheckoutProvider } from './integration/payment-provider/stripe-checkout.provider';
import { portalSettings } from './portal.config';
import { PORTAL_SERVICE } from './portal.dependencies';
import { PortalModule } from './portal.module';

/**
 * The debtor portal. Beside debtor contact and payments (the all-in-one) it calls their
 * handlers on the process's buses; alone, their HTTP APIs with a staff token it mints
 * for itself every few minutes.
 */
export const PortalService: ServiceDefinition = {
  name: PORTAL_SERVICE,
  create: async (deps, processContext) => {
    const { config, localStores } = processContext;
    const local = localStores.has('debtor-contact') && localStores.has('payments');
    const settings = portalSettings(config, process.env, config.app === 'all-in-one' ? 'demo' : 'standalone', local);
    if (settings.demoSecretFile) {
      process.stderr.write(
        `portal: PORTAL_LINK_SECRET is not set, so personal links are signed with a demo secret kept in ${settings.demoSecretFile}; set PORTAL_LINK_SECRET to share it.\n`,
      );
    }
    const wallClock = systemClock;
    const provider =
      settings.provider.kind === 'stripe'
        ? new StripeCheckoutProvider(settings.provider)
        : new LocalCheckoutProvider(settings.linkSecret, settings.publicUrl, () => wallClock.now().getTime());
    const remote = settings.remote;
    const accounts = remote
      ? new HttpAccounts({ debtorContact: remote.debtorContact, payments: remote.payments }, (actingFor) => {
          const now = wallClock.now();
          // A staff member accepting a queued plan proposal agrees the plan as themself, not as the portal.
          const principal = actingFor ?? { role: 'collector', id: 'debtor-portal' };
          return `Bearer ${signStaffToken(remote.staffTokenSecret, principal, new Date(now.getTime() + 5 * 60_000), now)}`;
        })
      : undefined;
    return PortalModule.register({
      ...deps,
      linkSecret: settings.linkSecret,
      publicUrl: settings.publicUrl,
      wallClock,
      accounts,
      provider,
      documents: settings.documentsDir ? new FileSystemDisputeDocuments(settings.documentsDir) : new InMemoryDisputeDocuments(),
      agency: settings.agency,
    });
  },
};
