import { DynamicModule, Module } from '@nestjs/common';
import { INTAKE_ACCOUNTS } from '@lib/contracts';
import { ServiceRuntime } from '@lib/integration';
import { auditController, CLIENT_KEY_VERIFIER, runtimeProvider } from '@lib/platform';
import { AuthorizeLegalReferralController } from './application/authorize-legal-referral/authorize-legal-referral.http.controller';
import { GetAccountController } from './application/get-account/get-account.http.controller';
import { EventSourcedClientKeys } from './application/issue-api-key/api-key';
import { IssueApiKeyController } from './application/issue-api-key/issue-api-key.http.controller';
import { OnboardClientController } from './application/onboard-client/onboard-client.http.controller';
import { PlaceAccountController } from './application/place-account/place-account.http.controller';
import { RevokeApiKeyController } from './application/revoke-api-key/revoke-api-key.http.controller';
import { WhoAmIController } from './application/who-am-i/who-am-i.http.controller';
import { accountIdOfStream, accountStreamId, INTAKE, IntakeDependencies } from './client-intake.dependencies';
import { closePaidAccount } from './integration/inbound/close-paid-account.handler';
import { reopenReversedAccount } from './integration/inbound/reopen-reversed-account.handler';
import { intakeGateway } from './integration/outbound/intake.gateway';

export const CLIENT_INTAKE = 'client-intake';

const useCases = [WhoAmIController, OnboardClientController, IssueApiKeyController, RevokeApiKeyController, PlaceAccountController, GetAccountController, AuthorizeLegalReferralController];

/** Composition root of the client-intake service: its use cases over the ports it is given. */
@Module({})
export class ClientIntakeModule {
  static register(deps: IntakeDependencies): DynamicModule {
    const runtime = new ServiceRuntime({
      service: CLIENT_INTAKE,
      store: deps.eventStore,
      bus: deps.bus,
      gateway: intakeGateway,
      accountIdOf: accountIdOfStream,
      inbound: [closePaidAccount(deps), reopenReversedAccount(deps)],
      publishes: [INTAKE_ACCOUNTS],
      now: () => deps.clock.now(),
      newId: deps.newId,
    });
    return {
      module: ClientIntakeModule,
      global: true,
      controllers: [...useCases, auditController(CLIENT_INTAKE, INTAKE, (accountId) => [accountStreamId(accountId)])],
      providers: [
        { provide: INTAKE, useValue: deps },
        { provide: CLIENT_KEY_VERIFIER, useValue: new EventSourcedClientKeys(deps.eventStore) },
        runtimeProvider(runtime),
      ],
      exports: [CLIENT_KEY_VERIFIER],
    };
  }
}
