import type { RecallTerms } from '../../domain/account/account.commands';
import type { ClientState } from '../../domain/client/client.state';

/**
 * The terms a recall at `at` is judged by: the client's agreement version in force then
 * (the latest whose `effectiveFrom` is not after `at`), else the default agreement it was
 * onboarded with, whose one hold applies to every method and which sets no cancellation fee.
 */
export function recallTermsAt(client: ClientState, accountCurrency: string, at: Date): RecallTerms {
  const inForce = client.status === 'onboarded' ? client.versions.filter((v) => Date.parse(v.effectiveFrom) <= at.getTime()).at(-1) : undefined;
  if (inForce) {
    const { currency, clearedFundsHoldDays, cancellationFee } = inForce.terms;
    return { agreementVersion: inForce.version, currency, clearedFundsHoldDays, cancellationFee };
  }
  const days = client.status === 'onboarded' ? client.agreements[0].clearedFundsHoldDays : 0;
  return {
    agreementVersion: null,
    currency: accountCurrency,
    clearedFundsHoldDays: { ach: days, card: days, check: days, wire: days, cash: days },
    cancellationFee: { flat: 0, rateOfBalanceBp: 0 },
  };
}
