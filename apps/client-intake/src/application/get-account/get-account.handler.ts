import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import type { AccountView } from './account.view';
import { GetAccount } from './get-account.query';

/**
 * An account folded from its stream, the same fold that decides. A client sees only its
 * own accounts; another client's account answers 404 exactly like a missing one, so
 * existence does not leak. Staff see every account.
 */
@QueryHandler(GetAccount)
export class GetAccountHandler implements IQueryHandler<GetAccount> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, principal }: GetAccount): Promise<AccountView> {
    const { state } = await aggregateStream(this.deps.eventStore, accountDecider, accountStreamId(accountId));
    if (state.status === 'none' || (principal.role === 'client' && state.placement.clientId !== principal.id)) {
      throw new Refused({ rule: 'account-unknown', reason: `account ${accountId} not found` });
    }
    return {
      ...state.placement,
      status: state.status,
      closingCode: state.status === 'closed' ? state.closingCode : null,
      reopenedAt: state.status === 'active' ? state.reopenedAt : null,
      legalAuthorized: state.legalAuthorized,
    };
  }
}
