import type { CaseDebtor } from '../contact-case/contact-case.events';
import type { BankruptcyFiling, HoldEvent, HoldKind, SkipEvidence } from './hold.events';

/** A hold as the case keeps it, lifted or not: the history stays for the reader and the audit. */
export interface Hold {
  holdId: string;
  kind: HoldKind;
  reason: string;
  endsAt: string | null;
  placedAt: string;
  disputeId?: string;
  invoices?: string[];
  bankruptcy?: BankruptcyFiling & { dischargedOn?: string };
  skip?: { evidence: SkipEvidence; detail: string };
  lifted?: { reason: string; liftedAt: string };
}

/** Whatever keeps holds: the contact case. */
export interface WithHolds {
  holds?: Hold[];
}

/**
 * A hold pauses collection from its placing until it is lifted or its end date passes. The
 * end date is read against the contact's own time, so a hold that ran out allows contact at
 * once, whether or not its lifting was recorded yet.
 */
export const isInForce = (hold: Hold, now: Date): boolean => !hold.lifted && (hold.endsAt === null || new Date(hold.endsAt).getTime() > now.getTime());

export const holdsInForce = (contactCase: WithHolds, now: Date, kind?: HoldKind): Hold[] =>
  (contactCase.holds ?? []).filter((hold) => isInForce(hold, now) && (kind === undefined || hold.kind === kind));

/** The bankruptcy hold not lifted (dismissed), discharged or not: there is at most one. */
export const standingBankruptcy = (contactCase: WithHolds): Hold | undefined =>
  (contactCase.holds ?? []).find((hold) => hold.kind === 'bankruptcy' && !hold.lifted);

export function evolveHolds<C extends WithHolds & { debtor: CaseDebtor }>(contactCase: C, event: HoldEvent): C {
  const holds = contactCase.holds ?? [];
  switch (event.type) {
    case 'AccountHoldPlaced': {
      const { accountId: _a, clientId: _c, ...hold } = event.data;
      return { ...contactCase, holds: [...holds, hold] };
    }
    case 'AccountHoldLifted': {
      const { holdId, reason, liftedAt } = event.data;
      return { ...contactCase, holds: holds.map((hold) => (hold.holdId === holdId ? { ...hold, lifted: { reason, liftedAt } } : hold)) };
    }
    case 'BankruptcyDischarged': {
      const { holdId, dischargedOn } = event.data;
      return { ...contactCase, holds: holds.map((hold) => (hold.holdId === holdId && hold.bankruptcy ? { ...hold, bankruptcy: { ...hold.bankruptcy, dischargedOn } } : hold)) };
    }
    case 'ContactDataFound': {
      // What skip tracing found becomes the debtor's: the next contact is judged on it.
      const { debtor } = contactCase;
      const { phones, emails, addresses } = event.data;
      return {
        ...contactCase,
        debtor: {
          ...debtor,
          phones: [...(debtor.phones ?? []), ...phones.map((phone) => ({ ...phone, doNotContact: false }))],
          emails: [...(debtor.emails ?? []), ...emails.map((address) => ({ address, consent: false, doNotContact: false }))],
          addresses: [...(debtor.addresses ?? []), ...addresses],
        },
      };
    }
  }
}
