import { MONDAY_10_NEW_YORK } from '../contact-case/contact-case.fixtures';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import { communicationsDecider, judgeDispatch } from '../communications/communications.decider';
import { itemizationOf } from '../communications/itemization';
import { bankruptcyFiled, holdLifted, holdPlaced } from './holds.fixtures';

const decided = communicationsDecider.decide(
  {
    type: 'OpenContactCase',
    accountId: 'acc-1',
    clientId: 'client-1',
    commercial: false,
    debtor: { kind: 'person', legalName: 'Pat Doe', country: 'US', region: 'NY' },
    currency: 'USD',
    placedAmount: 750_050,
    now: MONDAY_10_NEW_YORK,
    firstNotice: { clientReference: 'NW-1', itemization: itemizationOf([{ number: 'INV-1', dueDate: '2025-12-15', originalAmount: 750_050 }], 750_050, 'USD'), email: 'pat.doe@example.com', phone: '+12125550123' },
  },
  communicationsDecider.initialState(),
);
if (!Array.isArray(decided)) throw new Error('the opening was refused');
const opening: ContactCaseEvent[] = decided;
const queuedIds = opening.flatMap((event) => (event.type === 'MessageQueued' ? [event.data.messageId] : []));
const verdictsAfter = (events: ContactCaseEvent[], at = MONDAY_10_NEW_YORK) => {
  const state = [...opening, ...events].reduce(communicationsDecider.evolve, communicationsDecider.initialState());
  return queuedIds.map((messageId) => judgeDispatch(state, messageId, at));
};

describe('messages queued before a hold', () => {
  it('a bankruptcy filed before they leave cancels the letter, the email and the text, naming the stay', () => {
    expect(queuedIds).toHaveLength(3);
    for (const verdict of verdictsAfter([bankruptcyFiled])) expect(verdict).toMatchObject({ action: 'cancel', denial: { rule: 'bankruptcy-stay', version: 1 } });
  });

  it('a dispute of the whole account cancels them under dispute-hold', () => {
    for (const verdict of verdictsAfter([holdPlaced({ kind: 'dispute', disputeId: 'd-1' })])) expect(verdict).toMatchObject({ action: 'cancel', denial: { rule: 'dispute-hold' } });
  });

  it('a client hold lets them leave once it is lifted, or once its end date passed', () => {
    for (const verdict of verdictsAfter([holdPlaced(), holdLifted()])) expect(verdict.action).toBe('send');
    const untilTuesday = holdPlaced({ endsAt: '2026-01-06T15:00:00.000Z' });
    for (const verdict of verdictsAfter([untilTuesday])) expect(verdict).toMatchObject({ action: 'cancel', denial: { rule: 'account-hold' } });
    for (const verdict of verdictsAfter([untilTuesday], new Date('2026-01-06T15:00:00.000Z'))) expect(verdict.action).toBe('send');
  });
});
