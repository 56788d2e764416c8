import { given } from '@lib/es-core/testing/given-when-then';
import { opened } from '../contact-case/contact-case.fixtures';
import { bankruptcyFiled, holdLifted, holdPlaced, ids, NOW } from './holds.fixtures';
import { holdsDecider } from './holds.decider';

const lift = (holdId = 'hold-1') => ({ type: 'LiftHold' as const, holdId, reason: 'client released it', now: NOW });
const discharged = { type: 'BankruptcyDischarged' as const, data: { ...ids, holdId: 'hold-bk', chapter: 7 as const, caseNumber: '1:26-bk-10001', dischargedOn: '2026-01-05', recordedAt: NOW.toISOString() } };

describe('lifting a hold', () => {
  it('a hold in force is lifted with the reason', () => given(holdsDecider, [opened(), holdPlaced()]).when(lift()).then([holdLifted()]));

  it('a hold whose end date passed is lifted on record too', () =>
    given(holdsDecider, [opened(), holdPlaced({ endsAt: '2026-01-05T00:00:00.000Z' })]).when(lift()).then([holdLifted()]));

  it('a dismissed bankruptcy is lifted like any hold', () =>
    given(holdsDecider, [opened(), bankruptcyFiled]).when({ ...lift('hold-bk'), reason: 'case dismissed' }).then([holdLifted({ holdId: 'hold-bk', kind: 'bankruptcy', reason: 'case dismissed' })]));

  it('a discharged bankruptcy is never lifted', () => given(holdsDecider, [opened(), bankruptcyFiled, discharged]).when(lift('hold-bk')).thenRejects('bankruptcy-discharged'));

  it('a hold lifted already is not lifted again', () => given(holdsDecider, [opened(), holdPlaced(), holdLifted()]).when(lift()).thenRejects('hold-already-lifted'));

  it("a dispute's hold is lifted only by resolving the dispute", () =>
    given(holdsDecider, [opened(), holdPlaced({ kind: 'dispute', disputeId: 'd-1' })]).when(lift()).thenRejects('hold-ends-with-its-dispute'));

  it('a hold the case never had is unknown', () => given(holdsDecider, [opened()]).when(lift('nope')).thenRejects('hold-unknown'));
});

describe('discharging a bankruptcy', () => {
  const discharge = (dischargedOn = '2026-01-05') => ({ type: 'DischargeBankruptcy' as const, dischargedOn, now: NOW });

  it('records the discharge of the standing filing', () => given(holdsDecider, [opened(), bankruptcyFiled]).when(discharge()).then([discharged]));

  it('is refused where no bankruptcy was filed', () => given(holdsDecider, [opened(), holdPlaced()]).when(discharge()).thenRejects('no-bankruptcy-filed'));

  it('is refused where the filing was dismissed (its hold lifted)', () =>
    given(holdsDecider, [opened(), bankruptcyFiled, holdLifted({ holdId: 'hold-bk', kind: 'bankruptcy' })]).when(discharge()).thenRejects('no-bankruptcy-filed'));

  it('is refused a second time', () => given(holdsDecider, [opened(), bankruptcyFiled, discharged]).when(discharge()).thenRejects('bankruptcy-already-discharged'));

  it('is refused before the filing date', () => given(holdsDecider, [opened(), bankruptcyFiled]).when(discharge('2026-01-01')).thenRejects('discharge-before-filing'));
});

describe('a hold reaching its end date', () => {
  const end = (now: string) => ({ type: 'EndHold' as const, holdId: 'hold-1', now: new Date(now) });
  const untilFebruary = holdPlaced({ endsAt: '2026-02-01T00:00:00.000Z' });

  it('is lifted on record, dated at its end date', () =>
    given(holdsDecider, [opened(), untilFebruary])
      .when(end('2026-02-01T00:00:03.000Z'))
      .then([holdLifted({ reason: 'its end date came', liftedAt: '2026-02-01T00:00:00.000Z' })]));

  it('is left alone before its end date', () => given(holdsDecider, [opened(), untilFebruary]).when(end('2026-01-31T23:59:59.000Z')).then([]));

  it('is left alone once staff lifted it', () => given(holdsDecider, [opened(), untilFebruary, holdLifted()]).when(end('2026-02-02T00:00:00.000Z')).then([]));
});
