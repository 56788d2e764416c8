import { Decision, reject } from '@lib/es-core';
import type { ConvertToThirdParty, SendPreCollectionReminder } from './account.commands';
import type { PlacedPreCollection, PreCollectionEvent, ServiceType } from './account.events';
import type { AccountState } from './account.state';

export { SERVICE_TYPES } from './account.events';
export type { PlacedPreCollection, ServiceType } from './account.events';

/**
 * Pre-collection (first-party) service (docs/domain.md, "Pre-collection"; docs/client-intake.md).
 * An account placed as `pre-collection` gets reminders in the client's name on the days its
 * agreement set; still owing at the window's end, it converts by itself to third-party
 * collection. The reminders and the conversion are durable scheduler work of intake; the
 * events and commands are declared with the account's (account.events.ts, account.commands.ts).
 */

const DAY_MS = 86_400_000;

export const PRE_COLLECTION_REMINDER = 'pre-collection-reminder' as const;
export const PRE_COLLECTION_CONVERSION = 'pre-collection-conversion' as const;

export interface PreCollectionWork {
  workId: string;
  kind: typeof PRE_COLLECTION_REMINDER | typeof PRE_COLLECTION_CONVERSION;
  dueAt: string;
  payload: { accountId: string; day?: number };
}

/** The end of the window that opens at `placedAt`. */
export function windowEndOf(placedAt: Date, windowDays: number): Date {
  return new Date(placedAt.getTime() + windowDays * DAY_MS);
}

/**
 * The work a pre-collection placement books: one reminder per agreed day and the
 * conversion at the window's end. Work ids follow from the account and the day, so a
 * placement handled again books nothing twice (a work id's first booking stands).
 */
export function preCollectionWork(accountId: string, placedAt: string, terms: PlacedPreCollection): PreCollectionWork[] {
  const start = Date.parse(placedAt);
  return [
    ...terms.reminderDays.map((day) => ({
      workId: `pre-collection-reminder-${accountId}-day-${day}`,
      kind: PRE_COLLECTION_REMINDER,
      dueAt: new Date(start + day * DAY_MS).toISOString(),
      payload: { accountId, day },
    })),
    { workId: `pre-collection-conversion-${accountId}`, kind: PRE_COLLECTION_CONVERSION, dueAt: terms.windowEndsAt, payload: { accountId } },
  ];
}

/** The account's service: placements recorded before the service existed are third-party. */
export function serviceOf(state: AccountState): ServiceType | undefined {
  if (state.status === 'none') return undefined;
  return state.placement.service ?? 'third-party';
}

/** In pre-collection: placed so, still open, and not yet converted. */
export function inPreCollection(state: AccountState): boolean {
  return state.status === 'active' && state.placement.service === 'pre-collection' && !state.convertedAt;
}

/**
 * A reminder goes out only while the account is in pre-collection: one paid (closed) or
 * converted meanwhile gets none. Each day's reminder is sent once, however often the
 * scheduler runs its work.
 */
export function decideSendPreCollectionReminder(command: SendPreCollectionReminder, state: AccountState): Decision<PreCollectionEvent> {
  if (state.status === 'none') return reject('account-unknown', 'no such account');
  if (!inPreCollection(state) || (state.remindersSent ?? []).includes(command.day)) return [];
  const { accountId, clientId } = state.placement;
  return [{ type: 'PreCollectionReminderSent', data: { accountId, clientId, day: command.day, sentAt: command.now.toISOString() } }];
}

/**
 * At the window's end an account still in pre-collection with a balance converts to
 * third-party collection; one closed meanwhile (paid in full, recalled) stays closed, and
 * a second run changes nothing. The business date is the window's end, not the run's time.
 */
export function decideConvertToThirdParty(_command: ConvertToThirdParty, state: AccountState): Decision<PreCollectionEvent> {
  if (state.status === 'none') return reject('account-unknown', 'no such account');
  if (!inPreCollection(state) || state.status !== 'active' || state.standing.balance <= 0) return [];
  const { accountId, clientId, clientReference, commercial, currency, placedAmount, invoices, debtor, preCollection } = state.placement;
  return [
    {
      type: 'ConvertedToThirdParty',
      data: { accountId, clientId, commercial, currency, placedAmount, balance: state.standing.balance, invoiceDueDates: invoices.map((i) => i.dueDate), clientReference, invoices, debtor, convertedAt: preCollection!.windowEndsAt },
    },
  ];
}
