import { given } from '@lib/es-core/testing/given-when-then';
import { CheckPromise, NotePromisePayment, NotePromisePaymentReversal, TrackPromise } from './promise.commands';
import { promiseDecider } from './promise.decider';
import { PromiseEvent, PromisePaymentNoted, PromiseTracked } from './promise.events';
import { graceDeadline } from './promise-terms';

const MADE_AT = '2026-01-05T15:00:00.000Z';
const track: TrackPromise = { type: 'TrackPromise', accountId: 'acc-1', clientId: 'client-1', promiseId: 'ptp-1', amount: 50_000, currency: 'USD', dueDate: '2026-01-20', madeAt: MADE_AT, graceDays: 3 };
/** 2026-01-20 + 3 grace days, over at UTC-12. */
const DEADLINE = '2026-01-24T12:00:00.000Z';
const tracked: PromiseTracked = { type: 'PromiseTracked', data: { ...(({ type: _t, ...rest }) => rest)(track), deadline: DEADLINE, counted: [] } };
const payment = (paymentId: string, amount: number, postedAt: string): NotePromisePayment => ({ type: 'NotePromisePayment', accountId: 'acc-1', paymentId, amount, postedAt });
const noted = (paymentId: string, amount: number, postedAt: string, shares: PromisePaymentNoted['data']['shares']): PromisePaymentNoted => ({
  type: 'PromisePaymentNoted',
  data: { accountId: 'acc-1', paymentId, amount, postedAt, shares },
});
const check = (now: string): CheckPromise => ({ type: 'CheckPromise', promiseId: 'ptp-1', now: new Date(now) });
const keptEvent = (paid: number, keptAt: string): PromiseEvent => ({
  type: 'PromiseKept',
  data: { accountId: 'acc-1', clientId: 'client-1', promiseId: 'ptp-1', amount: 50_000, currency: 'USD', dueDate: '2026-01-20', paid, keptAt },
});

describe('a promise to pay', () => {
  it('has its deadline at the end of the last grace day in the latest zone on Earth', () => {
    expect(graceDeadline('2026-01-20', 3)).toBe(DEADLINE);
    expect(graceDeadline('2026-02-27', 3)).toBe('2026-03-03T12:00:00.000Z');
  });

  it('is followed from the moment it is heard, with its deadline', () => given(promiseDecider).when(track).then([tracked]));

  it('is followed once however often its message is delivered', () => given(promiseDecider, [tracked]).when(track).then([]));

  it('is kept at once by a payment of the whole amount before the deadline', () =>
    given(promiseDecider, [tracked])
      .when(payment('pay-1', 50_000, '2026-01-19T18:00:00.000Z'))
      .then([noted('pay-1', 50_000, '2026-01-19T18:00:00.000Z', [{ promiseId: 'ptp-1', amount: 50_000 }]), keptEvent(50_000, '2026-01-19T18:00:00.000Z')]));

  it('is kept by several payments that reach the amount together, the grace days included', () => {
    const first = noted('pay-1', 20_000, '2026-01-10T18:00:00.000Z', [{ promiseId: 'ptp-1', amount: 20_000 }]);
    given(promiseDecider, [tracked, first])
      .when(payment('pay-2', 40_000, '2026-01-23T18:00:00.000Z'))
      .then([noted('pay-2', 40_000, '2026-01-23T18:00:00.000Z', [{ promiseId: 'ptp-1', amount: 30_000 }]), keptEvent(50_000, '2026-01-23T18:00:00.000Z')]);
  });

  it('is broken at the deadline when less than the amount was paid', () =>
    given(promiseDecider, [tracked, noted('pay-1', 20_000, '2026-01-10T18:00:00.000Z', [{ promiseId: 'ptp-1', amount: 20_000 }])])
      .when(check(DEADLINE))
      .then([
        {
          type: 'PromiseBroken',
          data: { accountId: 'acc-1', clientId: 'client-1', promiseId: 'ptp-1', amount: 50_000, currency: 'USD', dueDate: '2026-01-20', paid: 20_000, reason: 'not-paid-in-time', brokenAt: DEADLINE },
        },
      ]));

  it('is not broken by a check that fires before the deadline, nor once it was kept', () => {
    given(promiseDecider, [tracked]).when(check('2026-01-24T11:59:59.999Z')).then([]);
    given(promiseDecider, [tracked, noted('pay-1', 50_000, '2026-01-19T18:00:00.000Z', [{ promiseId: 'ptp-1', amount: 50_000 }]), keptEvent(50_000, '2026-01-19T18:00:00.000Z')])
      .when(check(DEADLINE))
      .then([]);
  });

  it('does not count a payment posted after the deadline, nor one posted before the promise was made', () => {
    given(promiseDecider, [tracked]).when(payment('pay-late', 50_000, DEADLINE)).then([noted('pay-late', 50_000, DEADLINE, [])]);
    given(promiseDecider).when(payment('pay-early', 50_000, '2026-01-05T14:00:00.000Z')).then([noted('pay-early', 50_000, '2026-01-05T14:00:00.000Z', [])]);
    given(promiseDecider, [noted('pay-early', 50_000, '2026-01-05T14:00:00.000Z', [])]).when(track).then([tracked]);
  });

  it('counts a payment heard before the promise when it was posted after the promise was made', () =>
    given(promiseDecider, [noted('pay-1', 60_000, '2026-01-06T18:00:00.000Z', [])])
      .when(track)
      .then([{ ...tracked, data: { ...tracked.data, counted: [{ paymentId: 'pay-1', amount: 50_000 }] } }, keptEvent(50_000, '2026-01-06T18:00:00.000Z')]));

  it('shares a payment among pending promises, the earliest due first', () => {
    const later: PromiseTracked = { type: 'PromiseTracked', data: { ...tracked.data, promiseId: 'ptp-2', dueDate: '2026-02-20', deadline: graceDeadline('2026-02-20', 3) } };
    given(promiseDecider, [later, tracked])
      .when(payment('pay-1', 70_000, '2026-01-15T18:00:00.000Z'))
      .then([
        noted('pay-1', 70_000, '2026-01-15T18:00:00.000Z', [
          { promiseId: 'ptp-1', amount: 50_000 },
          { promiseId: 'ptp-2', amount: 20_000 },
        ]),
        keptEvent(50_000, '2026-01-15T18:00:00.000Z'),
      ]);
  });

  it('is broken when the payment that kept it bounces', () => {
    const reversal: NotePromisePaymentReversal = { type: 'NotePromisePaymentReversal', paymentId: 'pay-1', reversedAt: '2026-01-21T10:00:00.000Z' };
    given(promiseDecider, [tracked, noted('pay-1', 50_000, '2026-01-19T18:00:00.000Z', [{ promiseId: 'ptp-1', amount: 50_000 }]), keptEvent(50_000, '2026-01-19T18:00:00.000Z')])
      .when(reversal)
      .then([
        { type: 'PromisePaymentReversed', data: { accountId: 'acc-1', paymentId: 'pay-1', reversedAt: '2026-01-21T10:00:00.000Z', takenBack: [{ promiseId: 'ptp-1', amount: 50_000 }] } },
        {
          type: 'PromiseBroken',
          data: { accountId: 'acc-1', clientId: 'client-1', promiseId: 'ptp-1', amount: 50_000, currency: 'USD', dueDate: '2026-01-20', paid: 0, reason: 'payment-reversed', brokenAt: '2026-01-21T10:00:00.000Z' },
        },
      ]);
  });

  it('owes again what a bounced payment had paid on it while still pending, and is broken at the deadline', () => {
    const history: PromiseEvent[] = [
      tracked,
      noted('pay-1', 20_000, '2026-01-10T18:00:00.000Z', [{ promiseId: 'ptp-1', amount: 20_000 }]),
      { type: 'PromisePaymentReversed', data: { accountId: 'acc-1', paymentId: 'pay-1', reversedAt: '2026-01-12T10:00:00.000Z', takenBack: [{ promiseId: 'ptp-1', amount: 20_000 }] } },
    ];
    given(promiseDecider, history)
      .when(payment('pay-2', 40_000, '2026-01-20T18:00:00.000Z'))
      .then([noted('pay-2', 40_000, '2026-01-20T18:00:00.000Z', [{ promiseId: 'ptp-1', amount: 40_000 }])]);
    const { decision } = given(promiseDecider, history).when(check(DEADLINE));
    expect(decision).toMatchObject([{ type: 'PromiseBroken', data: { paid: 0, reason: 'not-paid-in-time' } }]);
  });
});
