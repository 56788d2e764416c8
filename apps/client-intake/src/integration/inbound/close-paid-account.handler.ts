import { handleCommand } from '@lib/es-core';
import { AccountPaidInFull } from '@lib/contracts';
import { on } from '@lib/integration';
import { accountDecider } from '../../domain/account/account.decider';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';

/** Payments says the balance is zero: the account closes as paid in full. */
export const closePaidAccount = (deps: IntakeDependencies) =>
  on(AccountPaidInFull, async (data, context) => {
    await handleCommand(deps.eventStore, accountDecider, accountStreamId(data.accountId), { type: 'CloseAccount', closingCode: 'paid-in-full', now: context.now }, context);
  });
