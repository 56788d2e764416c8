import { LegalStageChanged } from '@lib/contracts';
import type { RecordedEvent } from '@lib/es-core';
import type { ReferralEvent } from '../../domain/referral/referral.events';
import { legalReferralGateway } from './legal-referral.gateway';

const facts = { accountId: 'acc-1', clientId: 'client-1', attorneyId: 'att-ny-014', balance: 750_050, currency: 'USD' };

const publishedOf = (event: ReferralEvent) => {
  const stored = {
    ...event,
    streamId: 'referral-acc-1',
    version: 7,
    globalPosition: 7n,
    metadata: { eventId: 'evt-7', principal: { role: 'attorney', id: 'att-ny-014' }, correlationId: 'c', causationId: 'c', occurredAt: '2026-06-01T09:00:00.000Z' },
  } as unknown as RecordedEvent;
  const [message] = legalReferralGateway(stored);
  expect(message.headers['message-type']).toBe('LegalStageChanged.v2');
  return LegalStageChanged.parse(message.value);
};

describe("the attorney's court costs as legal-referral publishes them (LegalStageChanged.v2)", () => {
  it("publishes a suit filed with what it costs the client: the attorney's suit fee and the court costs reported", () => {
    const filed = publishedOf({ type: 'SuitFiled', data: { ...facts, court: 'NY Supreme Court', caseNumber: '651234/2026', filedAt: '2026-06-01T09:00:00.000Z', suitFee: 25_000, courtCosts: 40_500 } });
    expect(filed).toMatchObject({ stage: 'suit-filed', attorneyId: 'att-ny-014', suitCosts: { suitFee: 25_000, courtCosts: 40_500 } });
  });

  it('publishes a suit filed before court costs became cost advances without costs, so nothing is asked of the client', () => {
    expect(publishedOf({ type: 'SuitFiled', data: { ...facts, court: 'NY Supreme Court', caseNumber: '651234/2026', filedAt: '2026-06-01T09:00:00.000Z' } })).not.toHaveProperty('suitCosts');
  });

  it('publishes a judgment with the court costs awarded and the suit it was entered in', () => {
    const judged = publishedOf({ type: 'JudgmentEntered', data: { ...facts, amount: 750_050, interest: 41_000, costs: 35_000, enteredAt: '2026-08-01T09:00:00.000Z', court: 'NY Supreme Court', caseNumber: '651234/2026' } });
    expect(judged.judgment).toEqual({ amount: 750_050, interest: 41_000, costs: 35_000, court: 'NY Supreme Court', caseNumber: '651234/2026' });
  });
});
