import type { AccountHoldLifted, AccountHoldPlaced } from './hold.events';
import type { PlaceHold } from './holds.commands';

/** Monday 2026-01-05 10:00 in New York, as in the contact case's fixtures. */
export const NOW = new Date('2026-01-05T15:00:00.000Z');

export const ids = { accountId: 'acc-1', clientId: 'client-1' };

export const chapter7 = { chapter: 7 as const, caseNumber: '1:26-bk-10001', filedOn: '2026-01-02' };

export function holdPlaced(overrides: Partial<AccountHoldPlaced['data']> = {}): AccountHoldPlaced {
  return { type: 'AccountHoldPlaced', data: { ...ids, holdId: 'hold-1', kind: 'client-hold', reason: 'client reviewing the account', endsAt: null, placedAt: NOW.toISOString(), ...overrides } };
}

export const bankruptcyFiled = holdPlaced({ holdId: 'hold-bk', kind: 'bankruptcy', reason: 'notice of filing received', bankruptcy: chapter7 });

export function holdLifted(overrides: Partial<AccountHoldLifted['data']> = {}): AccountHoldLifted {
  return { type: 'AccountHoldLifted', data: { ...ids, holdId: 'hold-1', kind: 'client-hold', reason: 'client released it', liftedAt: NOW.toISOString(), ...overrides } };
}

export function placeHold(overrides: Partial<PlaceHold> = {}): PlaceHold {
  return { type: 'PlaceHold', holdId: 'hold-1', kind: 'client-hold', reason: 'client reviewing the account', now: NOW, ...overrides };
}
