import { ContactAttemptRecorded, CaseDebtor } from '../contact-case/contact-case.events';
import { MONDAY_10_NEW_YORK, opened } from '../contact-case/contact-case.fixtures';
import type { AttorneyRepresentationRecorded, CaseTimeBarred, CeaseMode, CeaseRequestRecorded } from './compliance-facts.events';

/** A person owing a personal (consumer) debt, in New York. */
export const NY_PERSON: CaseDebtor = { kind: 'person', legalName: 'Jane Doe', country: 'US', region: 'NY' };

export const consumerOpened = (debtor: CaseDebtor = NY_PERSON) => opened(debtor, { commercial: false });

export const hoursBefore = (at: Date, hours: number) => new Date(at.getTime() - hours * 3_600_000);

/** An allowed attempt as stored, at `at`. */
export function attemptAt(at: Date, overrides: Partial<ContactAttemptRecorded['data']> = {}): ContactAttemptRecorded {
  return {
    type: 'ContactAttemptRecorded',
    data: {
      accountId: 'acc-1',
      clientId: 'client-1',
      attemptId: `att-${at.toISOString()}`,
      collectorId: 'collector-7',
      channel: 'call',
      direction: 'outbound',
      outcome: 'no-answer',
      rightPartyContact: false,
      attemptedAt: at.toISOString(),
      compliance: [],
      ...overrides,
    },
  };
}

export function ceaseRequested(mode: CeaseMode): CeaseRequestRecorded {
  return { type: 'CeaseRequestRecorded', data: { accountId: 'acc-1', clientId: 'client-1', mode, receivedOn: '2026-01-02', recordedBy: 'collector-7', recordedAt: '2026-01-02T15:00:00.000Z' } };
}

export const representedByAttorney: AttorneyRepresentationRecorded = {
  type: 'AttorneyRepresentationRecorded',
  data: { accountId: 'acc-1', clientId: 'client-1', attorney: { name: 'Sam Counsel', firm: 'Counsel & Co', phone: '+12125550150' }, recordedBy: 'collector-7', recordedAt: '2026-01-02T15:00:00.000Z' },
};

export const timeBarred: CaseTimeBarred = {
  type: 'CaseTimeBarred',
  data: { accountId: 'acc-1', clientId: 'client-1', jurisdiction: 'US-NY', expiredOn: '2025-06-01', citation: 'N.Y. C.P.L.R. 214-i', reason: 'three years from the last payment', noticedAt: '2026-01-03T12:00:00.000Z' },
};

/** Seven call attempts in the six days before Monday 10:00 in New York. */
export const sevenCallsThisWeek = [1, 2, 3, 4, 5, 6, 7].map((n) => attemptAt(hoursBefore(MONDAY_10_NEW_YORK, n * 20)));
