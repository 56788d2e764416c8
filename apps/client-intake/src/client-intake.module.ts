import { DynamicModule, Module } from '@nestjs/common';
import { DurableScheduler } from '@lib/scheduler';
import { INTAKE_ACCOUNTS, INTAKE_CLIENTS } from '@lib/contracts';
import { ServiceRuntime } from '@lib/integration';
import { auditController, CLIENT_KEY_VERIFIER, runtimeProvider, SERVICE_DEPENDENCIES } from '@lib/platform';
import { AuthorizeLegalReferralHandler } from './application/authorize-legal-referral/authorize-legal-referral.handler';
import { AuthorizeLegalReferralController } from './application/authorize-legal-referral/authorize-legal-referral.http.controller';
import { CloseAccountHandler } from './application/close-account/close-account.handler';
import { GetAccountHandler } from './application/get-account/get-account.handler';
import { ImportAccountHandler } from './application/import-account/import-account.handler';
import { ImportAccountController } from './application/import-account/import-account.http.controller';
import { GetAccountController } from './application/get-account/get-account.http.controller';
import { EventSourcedClientKeys } from './application/issue-api-key/api-key';
import { IssueApiKeyHandler } from './application/issue-api-key/issue-api-key.handler';
import { IssueApiKeyController } from './application/issue-api-key/issue-api-key.http.controller';
import { OnboardClientHandler } from './application/onboard-client/onboard-client.handler';
import { OnboardClientController } from './application/onboard-client/onboard-client.http.controller';
import { PlaceAccountHandler } from './application/place-account/place-account.handler';
import { PlaceAccountController } from './application/place-account/place-account.http.controller';
import { ReopenAfterReversalHandler } from './application/reopen-after-reversal/reopen-after-reversal.handler';
import { RevokeApiKeyHandler } from './application/revoke-api-key/revoke-api-key.handler';
import { RevokeApiKeyController } from './application/revoke-api-key/revoke-api-key.http.controller';
import { ListAgreementsHandler } from './application/list-agreements/list-agreements.handler';
import { ListAgreementsController } from './application/list-agreements/list-agreements.http.controller';
import { SetAgreementHandler } from './application/set-agreement/set-agreement.handler';
import { SetAgreementController } from './application/set-agreement/set-agreement.http.controller';
import { GetBatchHandler } from './application/get-batch/get-batch.handler';
import { BatchStatusReader } from './application/get-batch/batch-status.reader';
import { GetBatchController } from './application/get-batch/get-batch.http.controller';
import { GetBatchResultsHandler } from './application/get-batch-results/get-batch-results.handler';
import { GetBatchResultsController } from './application/get-batch-results/get-batch-results.http.controller';
import { PlaceBatchHandler } from './application/place-batch/place-batch.handler';
import { PlaceBatchController } from './application/place-batch/place-batch.http.controller';
import { BatchWorker } from './application/process-batch/batch-worker';
import { WhoAmIHandler } from './application/who-am-i/who-am-i.handler';
import { WhoAmIController } from './application/who-am-i/who-am-i.http.controller';
import { webhookControllers, webhookHandlers, WebhookOptions, webhookPortsProvider } from './application/webhooks/webhooks.providers';
import { accountIdOfSettlementsStream, accountIdOfStream, accountStreamId, IntakeDependencies, settlementsStreamId } from './client-intake.dependencies';
import { closePaidAccount } from './integration/inbound/close-paid-account.consumer';
import { closeTimeBarredAccount } from './integration/inbound/close-time-barred-account.consumer';
import { CloseTimeBarredAccountHandler } from './application/close-time-barred-account/close-time-barred-account.handler';
import { closeDischargedAccount } from './integration/inbound/close-discharged-account.consumer';
import { adjustForUpheldDispute } from './integration/inbound/adjust-for-upheld-dispute.consumer';
import { clearDispute, noteDispute } from './integration/inbound/dispute-standing.consumer';
import { clearCompletedPlan, clearDefaultedPlan, notePlan } from './integration/inbound/plan-standing.consumer';
import { writeOffBalance } from './integration/inbound/write-offs.consumer';
import { WriteOffBalanceHandler } from './application/write-off-balance/write-off-balance.handler';
import { reopenReversedAccount } from './integration/inbound/reopen-reversed-account.consumer';
import { disputeResolvedWebhook, webhookSources } from './integration/inbound/webhook-sources.consumer';
import { alongside, noteContactAttempt, notePayment } from './integration/inbound/note-collection-work.consumer';
import { afterPlacementControllers, afterPlacementHandlers } from './application/after-placement.providers';
import { accountChangeControllers, accountChangeHandlers } from './application/account-changes.providers';
import { intakeGateway } from './integration/outbound/intake.gateway';
import { preCollectionProviders } from './application/pre-collection/pre-collection.providers';
import { bookPreCollection } from './integration/inbound/book-pre-collection.consumer';
import { settlementControllers, settlementHandlers } from './application/settlements.providers';
import { closeSettledAccount, noteSettlementAwaitingClient } from './integration/inbound/settlements.consumers';
import { settlementsGateway } from './integration/outbound/settlements.gateway';

export const CLIENT_INTAKE = 'client-intake';

const controllers = [WhoAmIController, OnboardClientController, IssueApiKeyController, RevokeApiKeyController, PlaceBatchController, GetBatchController, GetBatchResultsController, PlaceAccountController, GetAccountController, AuthorizeLegalReferralController, SetAgreementController, ListAgreementsController, ImportAccountController];
const commandHandlers = [
  OnboardClientHandler,
  IssueApiKeyHandler,
  RevokeApiKeyHandler,
  PlaceAccountHandler,
  AuthorizeLegalReferralHandler,
  CloseAccountHandler,
  ReopenAfterReversalHandler,
  SetAgreementHandler,
  PlaceBatchHandler,
  ImportAccountHandler,
  CloseTimeBarredAccountHandler,
];
const queryHandlers = [WhoAmIHandler, GetAccountHandler, ListAgreementsHandler, GetBatchHandler, GetBatchResultsHandler];
const batchProviders = [BatchWorker, BatchStatusReader];

/**
 * The streams of an account client intake keeps, as its audit endpoint lists and verifies them;
 * reporting's integrity check in the all-in-one reads the same ones (test/contracts/audited-streams.unit.spec.ts).
 */
export const auditedStreamsOf = (accountId: string): string[] => [accountStreamId(accountId), settlementsStreamId(accountId)];

/**
 * Composition root of the client-intake service: its use cases over the ports it is given.
 * Global only for the client key check (CLIENT_KEY_VERIFIER), which the auth guard of
 * every service in the process uses; its dependencies stay its own.
 */
@Module({})
export class ClientIntakeModule {
  static register(deps: IntakeDependencies, webhooks: WebhookOptions = {}): DynamicModule {
    // Webhook attempts are durable work in intake's own store, as legal-referral's reviews are in its.
    const scheduler = new DurableScheduler(deps.eventStore, deps.clock);
    deps.clockControl?.schedulers.add(scheduler);
    const runtime = new ServiceRuntime({
      service: CLIENT_INTAKE,
      store: deps.eventStore,
      bus: deps.bus,
      gateway: (stored) => [...intakeGateway(stored), ...settlementsGateway(stored)],
      accountIdOf: (streamId) => accountIdOfStream(streamId) ?? accountIdOfSettlementsStream(streamId),
      inbound: [closePaidAccount, reopenReversedAccount, noteContactAttempt, closeTimeBarredAccount, closeDischargedAccount, ...alongside(alongside([adjustForUpheldDispute], disputeResolvedWebhook), clearDispute), noteSettlementAwaitingClient, closeSettledAccount, notePlan, clearCompletedPlan, clearDefaultedPlan, writeOffBalance, ...alongside(alongside(alongside(webhookSources, notePayment), bookPreCollection), noteDispute)],
      scheduler,
      publishes: [INTAKE_ACCOUNTS, INTAKE_CLIENTS],
      now: () => deps.clock.now(),
      newId: deps.newId,
    });
    return {
      module: ClientIntakeModule,
      global: true,
      controllers: [...controllers, ...afterPlacementControllers, ...accountChangeControllers, ...webhookControllers, ...settlementControllers, auditController(CLIENT_INTAKE, auditedStreamsOf)],
      providers: [
        { provide: SERVICE_DEPENDENCIES, useValue: deps },
        { provide: CLIENT_KEY_VERIFIER, useValue: new EventSourcedClientKeys(deps.eventStore) },
        // Not exported: in the all-in-one process each service's handlers get their own scheduler.
        { provide: DurableScheduler, useValue: scheduler },
        webhookPortsProvider(webhooks),
        ...commandHandlers,
        ...queryHandlers,
        ...webhookHandlers,
        ...afterPlacementHandlers,
        ...batchProviders,
        ...accountChangeHandlers,
        ...settlementHandlers,
        WriteOffBalanceHandler,
        ...preCollectionProviders,
        runtimeProvider(runtime),
      ],
      exports: [CLIENT_KEY_VERIFIER],
    };
  }
}
