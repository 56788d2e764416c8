import type { ContactAttemptRecorded } from '../contact-case/contact-case.events';
import type { MessageSent } from '../communications/message.events';
import type { AttorneyOfRecord, CeaseMode, ComplianceFactEvent } from './compliance-facts.events';

/** Seven days, the period every frequency rule counts over. */
export const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

/** One outbound contact that reached the debtor's side: a call placed, an email or text sent. */
export interface PastContact {
  channel: 'call' | 'email' | 'text' | 'letter';
  at: string;
}

/**
 * What the contact rules that read the case's past need to know: the debtor's requests,
 * representation, the statute of limitations, and the recent outbound contacts (the last
 * seven days before the newest one, older ones are dropped as no rule reads them).
 */
export interface ComplianceFacts {
  cease?: { mode: CeaseMode; receivedOn: string; recordedAt: string };
  attorney?: AttorneyOfRecord & { recordedAt: string };
  timeBarred?: { expiredOn: string; citation: string; jurisdiction: string };
  recentContacts: PastContact[];
  /** The latest telephone conversation with the debtor (a right-party call, either direction). */
  lastConversationAt?: string;
}

export const noComplianceFacts = (): ComplianceFacts => ({ recentContacts: [] });

function withContact(facts: ComplianceFacts, contact: PastContact): ComplianceFacts {
  const newest = Math.max(Date.parse(contact.at), ...facts.recentContacts.map((c) => Date.parse(c.at)));
  const recentContacts = [...facts.recentContacts, contact].filter((c) => Date.parse(c.at) > newest - SEVEN_DAYS_MS);
  return { ...facts, recentContacts };
}

export type ComplianceFactSource = ComplianceFactEvent | ContactAttemptRecorded | MessageSent;

/**
 * The facts after one event. An attempt recorded before attempts carried `attemptedAt`
 * has no time a window could count it in, and is left out.
 */
export function evolveComplianceFacts(facts: ComplianceFacts = noComplianceFacts(), event: ComplianceFactSource): ComplianceFacts {
  switch (event.type) {
    case 'CeaseRequestRecorded': {
      // A request to stop everything is never narrowed by a later written-only request.
      if (facts.cease?.mode === 'all-channels') return facts;
      return { ...facts, cease: { mode: event.data.mode, receivedOn: event.data.receivedOn, recordedAt: event.data.recordedAt } };
    }
    case 'AttorneyRepresentationRecorded':
      return { ...facts, attorney: { ...event.data.attorney, recordedAt: event.data.recordedAt } };
    case 'CaseTimeBarred':
      return { ...facts, timeBarred: { expiredOn: event.data.expiredOn, citation: event.data.citation, jurisdiction: event.data.jurisdiction } };
    case 'ContactAttemptRecorded': {
      const { attemptedAt, channel, direction, outcome } = event.data;
      if (!attemptedAt) return facts;
      const conversed = channel === 'call' && outcome === 'right-party-contact' ? { lastConversationAt: attemptedAt } : {};
      const counted = direction === 'outbound' ? withContact(facts, { channel, at: attemptedAt }) : facts;
      return { ...counted, ...conversed };
    }
    case 'MessageSent':
      return withContact(facts, { channel: event.data.channel, at: event.data.sentAt });
  }
}

/** The outbound contacts of a channel within the seven days before `now`. */
export function contactsInLastSevenDays(facts: ComplianceFacts | undefined, channel: PastContact['channel'], now: Date): PastContact[] {
  const since = now.getTime() - SEVEN_DAYS_MS;
  return (facts?.recentContacts ?? []).filter((c) => c.channel === channel && Date.parse(c.at) > since && Date.parse(c.at) <= now.getTime());
}
