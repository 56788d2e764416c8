import { given } from '@lib/es-core/testing/given-when-then';
import { messageIdFor } from '../communications/message-id';
import { renderTemplate, templateOf } from '../communications/templates';
import { closedPaid, NY_COMPANY, opened } from '../contact-case/contact-case.fixtures';
import { cadenceLetterDecider, QueueCadenceLetter } from './cadence-messages';

const DAY_10 = new Date('2026-01-15T15:00:00.000Z');
const WITH_EMAIL = { ...NY_COMPANY, emails: [{ address: 'ap@acme.example', consent: true, doNotContact: true }, { address: 'billing@acme.example', consent: false, doNotContact: false }] };
const secondDemand: QueueCadenceLetter = { type: 'QueueCadenceLetter', index: 2, action: 'second-demand', now: DAY_10 };

describe('the letters of a cadence step', () => {
  it('queues the second demand by letter, and by email to the first address not marked do-not-contact', () => {
    const decided = cadenceLetterDecider.decide(secondDemand, [opened(WITH_EMAIL)].reduce(cadenceLetterDecider.evolve, cadenceLetterDecider.initialState()));
    if (!Array.isArray(decided)) throw new Error('refused');
    expect(decided.map((e) => e.type === 'MessageQueued' && [e.data.channel, e.data.templateId, e.data.recipient, e.data.purpose, e.data.messageId])).toEqual([
      ['letter', 'second-demand', 'Acme Widgets LLC, NY, US', 'cadence-2-second-demand', messageIdFor(opened().data.accountId, 'cadence-2-second-demand', 'letter')],
      ['email', 'second-demand-email', 'billing@acme.example', 'cadence-2-second-demand', messageIdFor(opened().data.accountId, 'cadence-2-second-demand', 'email')],
    ]);
  });

  it('fills every placeholder of the template, the amount in the account currency', () => {
    const decided = cadenceLetterDecider.decide(secondDemand, [opened()].reduce(cadenceLetterDecider.evolve, cadenceLetterDecider.initialState()));
    if (!Array.isArray(decided) || decided[0].type !== 'MessageQueued') throw new Error('nothing queued');
    const text = renderTemplate(templateOf('second-demand', 1), decided[0].data.data).lines.join('\n');
    expect(text).toContain('Date: 2026-01-15');
    expect(text).toContain('Amount placed with us for collection: USD 7500.50');
    expect(text).toContain('We wrote to you on 2026-01-05');
  });

  it('queues nothing again for the same step', () => {
    const first = cadenceLetterDecider.decide(secondDemand, [opened()].reduce(cadenceLetterDecider.evolve, cadenceLetterDecider.initialState()));
    if (!Array.isArray(first)) throw new Error('refused');
    given(cadenceLetterDecider, [opened(), ...first]).when(secondDemand).then([]);
  });

  it('queues nothing on a closed case', () => given(cadenceLetterDecider, [opened(), closedPaid]).when(secondDemand).then([]));
});
