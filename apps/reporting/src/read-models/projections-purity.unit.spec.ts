import { AccountClosed, AccountPaidInFull, AccountPlaced, AccountReopened, ContactAttemptRecorded, LegalReferralAuthorized, LegalStageChanged, NoticeSent, PaymentPosted, PaymentReversed, PromiseToPayMade } from '@lib/contracts';
import type { ProjectedEvent } from '@lib/read-models';
import { auditEventOf } from './audit-trail.projection';
import { REPORTING_PROJECTIONS } from './reporting.queries';
import {
  accountClosed,
  accountPaidInFull,
  accountPlaced,
  accountReopened,
  auditRecord,
  contactAttemptRecorded,
  legalReferralAuthorized,
  legalStageChanged,
  noticeSent,
  paymentPosted,
  paymentReversed,
  projected,
  promiseToPayMade,
} from './reporting.fixtures';
import { trustLedgerMonth } from './trust-ledger.contract-suite';

/** Freezes a value and everything it holds, so that any change in place throws (modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function accountHistory(accountId: string, clientId: string): ProjectedEvent[] {
  const ledger = `ledger-${accountId}`;
  const contact = `contact-${accountId}`;
  const facts = [
    projected(AccountPlaced, accountPlaced(accountId, clientId, 100_000), `account-${accountId}`, 0),
    projected(NoticeSent, noticeSent(accountId, clientId), contact, 0),
    projected(ContactAttemptRecorded, contactAttemptRecorded(accountId, clientId, '2026-06-02T10:00:00.000Z'), contact, 1),
    projected(PromiseToPayMade, promiseToPayMade(accountId, clientId, `promise-${accountId}`, 10_000), contact, 2),
    projected(PaymentPosted, paymentPosted(accountId, clientId, `p1-${accountId}`, 60_000, 40_000), ledger, 0),
    projected(PaymentReversed, paymentReversed(accountId, clientId, `p1-${accountId}`, 60_000, 100_000), ledger, 1),
    projected(LegalStageChanged, legalStageChanged(accountId, clientId, 'recommended', 100_000), `referral-${accountId}`, 0),
    projected(LegalReferralAuthorized, legalReferralAuthorized(accountId, clientId), `referral-${accountId}`, 1),
    projected(PaymentPosted, paymentPosted(accountId, clientId, `p2-${accountId}`, 100_000, 0), ledger, 2),
    projected(AccountPaidInFull, accountPaidInFull(accountId, clientId), `account-${accountId}`, 1),
    projected(AccountClosed, accountClosed(accountId, clientId, 'paid-in-full'), `account-${accountId}`, 2),
    projected(AccountReopened, accountReopened(accountId, clientId, 5_000, `p2-${accountId}`), `account-${accountId}`, 3),
  ];
  return facts.flatMap((fact) => [fact, auditEventOf(auditRecord('reporting-spec', accountId, fact.metadata.sourceStream, fact.version, fact.type, '2026-06-01T09:00:00.000Z'))]);
}

describe("reporting's projections are pure", () => {
  // The in-memory store and the rebuilds hand `evolve` the stored document itself (no
  // copy per event), so a projection that changed its input would change stored state.
  it('evolve changes neither the document nor the event it receives, over a history touching every projection', () => {
    const history = [...accountHistory('a1', 'c1'), ...accountHistory('a2', 'c1'), ...trustLedgerMonth('c1', (label) => `${label}-pure`).events];
    let folded = 0;
    for (const projection of REPORTING_PROJECTIONS) {
      const documents = new Map<string, object | null>();
      for (const event of history) {
        if (!projection.handles.includes(event.type)) continue;
        for (const id of projection.documentIds(event)) {
          const before = documents.get(id) ?? null;
          const snapshot = JSON.stringify(before);
          const after = projection.evolve(deepFreeze(before), deepFreeze(event));
          expect(JSON.stringify(before)).toBe(snapshot);
          documents.set(id, after);
          folded += 1;
        }
      }
    }
    expect(folded).toBeGreaterThan(REPORTING_PROJECTIONS.length * 5);
  });
});
