import { DynamicModule, Module } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ServiceRuntime } from '@lib/integration';
import { acceptFormPosts, auditController, keepRawBody, runtimeProvider, SERVICE_DEPENDENCIES } from '@lib/platform';
import { CheckPortalIdentityController } from './application/check-portal-identity/check-portal-identity.http.controller';
import { CheckPortalIdentityHandler } from './application/check-portal-identity/check-portal-identity.handler';
import { DecidePlanProposalController } from './application/decide-plan-proposal/decide-plan-proposal.http.controller';
import { DecidePlanProposalHandler } from './application/decide-plan-proposal/decide-plan-proposal.handler';
import { ListPlanProposalsController } from './application/list-plan-proposals/list-plan-proposals.http.controller';
import { ListPlanProposalsHandler } from './application/list-plan-proposals/list-plan-proposals.handler';
import { QueuedPlanProposals } from './application/shared/queued-plan-proposals';
import { DownloadDisputeDocumentController } from './application/download-dispute-document/download-dispute-document.http.controller';
import { DownloadDisputeDocumentHandler } from './application/download-dispute-document/download-dispute-document.handler';
import { IssuePortalLinkController } from './application/issue-portal-link/issue-portal-link.http.controller';
import { IssuePortalLinkHandler } from './application/issue-portal-link/issue-portal-link.handler';
import { LocalCheckoutController } from './application/local-checkout/local-checkout.http.controller';
import { CompleteLocalCheckoutHandler, ShowLocalCheckoutHandler } from './application/local-checkout/local-checkout.handler';
import { OpenDisputeController } from './application/open-dispute/open-dispute.http.controller';
import { OpenDisputeHandler } from './application/open-dispute/open-dispute.handler';
import { OpenPortalLinkController } from './application/open-portal-link/open-portal-link.http.controller';
import { OpenPortalLinkHandler } from './application/open-portal-link/open-portal-link.handler';
import { PortalAssetsController } from './application/portal-assets/portal-assets.http.controller';
import { ProposePlanController } from './application/propose-plan/propose-plan.http.controller';
import { ProposePlanHandler } from './application/propose-plan/propose-plan.handler';
import { ReceiveProviderWebhookController, STRIPE_WEBHOOK_PATH } from './application/receive-provider-webhook/receive-provider-webhook.http.controller';
import { ReceiveProviderWebhookHandler } from './application/receive-provider-webhook/receive-provider-webhook.handler';
import { PaymentConfirmation } from './application/shared/payment-confirmation';
import { PortalAccess } from './application/shared/portal-access';
import { StartCheckoutController } from './application/start-checkout/start-checkout.http.controller';
import { StartCheckoutHandler } from './application/start-checkout/start-checkout.handler';
import { ViewPortalAccountController } from './application/view-portal-account/view-portal-account.http.controller';
import { ViewPortalAccountHandler } from './application/view-portal-account/view-portal-account.handler';
import { accountIdOfPortalStream, portalStreamId } from './domain/access/portal-access.events';
import { InProcessAccounts } from './integration/accounts/in-process-accounts';
import { DebtorContactDisputeDesk } from './integration/disputes/portal-dispute-desk';
import { DisputeDesk, PORTAL_SERVICE, PortalAccounts, PortalDependencies } from './portal.dependencies';

const controllers = [IssuePortalLinkController, OpenPortalLinkController, CheckPortalIdentityController, ViewPortalAccountController, StartCheckoutController, ProposePlanController, OpenDisputeController, DownloadDisputeDocumentController, ListPlanProposalsController, DecidePlanProposalController, PortalAssetsController];
const commandHandlers = [IssuePortalLinkHandler, OpenPortalLinkHandler, CheckPortalIdentityHandler, ViewPortalAccountHandler, StartCheckoutHandler, CompleteLocalCheckoutHandler, ReceiveProviderWebhookHandler, ProposePlanHandler, OpenDisputeHandler, DecidePlanProposalHandler];
const queryHandlers = [ShowLocalCheckoutHandler, DownloadDisputeDocumentHandler, ListPlanProposalsHandler];

/** The dependencies as given, with `accounts` left out when the portal shares the process (the buses provide it). */
export type GivenPortalDependencies = Omit<PortalDependencies, 'accounts' | 'disputes'> & { accounts?: PortalAccounts; disputes?: DisputeDesk };

/** Composition root of the debtor portal: its pages and the collector's link endpoint over the ports it is given. */
@Module({})
export class PortalModule {
  static register(given: GivenPortalDependencies): DynamicModule {
    acceptFormPosts('/portal/');
    const providerControllers = given.provider.name === 'stripe' ? [ReceiveProviderWebhookController] : [LocalCheckoutController];
    if (given.provider.name === 'stripe') keepRawBody(STRIPE_WEBHOOK_PATH);
    // No integration events of its own: the relay publishes the portal trail's audit copy only.
    const runtime = new ServiceRuntime({
      service: PORTAL_SERVICE,
      store: given.eventStore,
      bus: given.bus,
      gateway: () => [],
      accountIdOf: accountIdOfPortalStream,
      publishes: [],
      now: () => given.clock.now(),
      newId: given.newId,
    });
    return {
      module: PortalModule,
      controllers: [...controllers, ...providerControllers, auditController(PORTAL_SERVICE, (accountId) => [portalStreamId(accountId)])],
      providers: [
        {
          provide: SERVICE_DEPENDENCIES,
          useFactory: (queries: QueryBus, commands: CommandBus): PortalDependencies => {
            const accounts = given.accounts ?? new InProcessAccounts(queries, commands, given.clock, given.newId);
            return { ...given, accounts, disputes: given.disputes ?? new DebtorContactDisputeDesk(() => accounts) };
          },
          inject: [QueryBus, CommandBus],
        },
        PortalAccess,
        PaymentConfirmation,
        QueuedPlanProposals,
        ...commandHandlers,
        ...queryHandlers,
        runtimeProvider(runtime),
      ],
    };
  }
}
