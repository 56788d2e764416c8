import { given } from '@lib/es-core/testing/given-when-then';
import { ApplyCadenceHold, StartCadence, TakeCadenceStep } from './cadence.commands';
import { cadenceDecider } from './cadence.decider';
import { CadenceEvent } from './cadence.events';
import { CadenceRun, DAY_MS, nextStep, withHoldLifted, withHoldPlaced } from './cadence.state';
import { DEFAULT_COMMERCIAL_STRATEGY } from './contact-strategy';

const OPENED = '2026-01-05T15:00:00.000Z';
const day = (n: number, hours = 0) => new Date(Date.parse(OPENED) + n * DAY_MS + hours * 3_600_000);
const iso = (n: number, hours = 0) => day(n, hours).toISOString();
const ids = { accountId: 'acc-1', clientId: 'client-1' };

const start: StartCadence = { type: 'StartCadence', ...ids, strategy: DEFAULT_COMMERCIAL_STRATEGY, reason: 'default for commercial accounts', openedAt: OPENED, now: new Date(OPENED) };
const started: CadenceEvent = { type: 'CadenceStarted', data: { ...ids, strategyId: 'default-commercial', strategyName: 'Default commercial', steps: DEFAULT_COMMERCIAL_STRATEGY.steps, reason: 'default for commercial accounts', startedAt: OPENED } };
const taken = (index: number, takenAt: string, dueAt = takenAt, messageIds: string[] = []): CadenceEvent => {
  const step = DEFAULT_COMMERCIAL_STRATEGY.steps[index];
  return { type: 'CadenceStepTaken', data: { ...ids, index, day: step.day, action: step.action, dueAt, takenAt, messageIds } };
};
const take = (index: number, now: Date, epoch = 0, messageIds: string[] = []): TakeCadenceStep => ({ type: 'TakeCadenceStep', index, epoch, messageIds, now });
const hold = (change: 'placed' | 'lifted', at: string, holdId = 'hold-1'): ApplyCadenceHold => ({ type: 'ApplyCadenceHold', holdId, change, at, now: new Date(at) });
const paused = (placedAt: string, pausedFrom = placedAt, holdId = 'hold-1'): CadenceEvent => ({ type: 'CadencePaused', data: { ...ids, holdId, placedAt, pausedFrom } });

describe('a cadence', () => {
  it('starts with the case, its first notice taken by the opening itself', () =>
    given(cadenceDecider).when(start).then([started, taken(0, OPENED)]));

  it('starts once however often the opening is heard', () => given(cadenceDecider, [started, taken(0, OPENED)]).when(start).then([]));

  it('takes the day-3 call when its work fires on day 3', () =>
    given(cadenceDecider, [started, taken(0, OPENED)]).when(take(1, day(3))).then([taken(1, iso(3))]));

  it('records the letters queued for a demand step', () =>
    given(cadenceDecider, [started, taken(0, OPENED), taken(1, iso(3))]).when(take(2, day(10), 0, ['m-1', 'm-2'])).then([taken(2, iso(10), iso(10), ['m-1', 'm-2'])]));

  it('does not take a step before it is due', () => given(cadenceDecider, [started, taken(0, OPENED)]).when(take(1, day(2))).then([]));

  it('takes a step once when its work fires twice', () => given(cadenceDecider, [started, taken(0, OPENED), taken(1, iso(3))]).when(take(1, day(3))).then([]));

  it('finishes with the legal review, its last step', () => {
    const history = [started, ...[0, 1, 2, 3, 4].map((i) => taken(i, iso(DEFAULT_COMMERCIAL_STRATEGY.steps[i].day)))];
    return given(cadenceDecider, history)
      .when(take(5, day(45)))
      .then([taken(5, iso(45)), { type: 'CadenceFinished', data: { ...ids, finishedAt: iso(45) } }]);
  });
});

describe('a hold on a cadence', () => {
  const afterDay3 = [started, taken(0, OPENED), taken(1, iso(3))];

  it('stops the cadence from the moment it was placed', () => given(cadenceDecider, afterDay3).when(hold('placed', iso(5))).then([paused(iso(5))]));

  it('lets no step be taken while it lasts, even by work that fires on time', () =>
    given(cadenceDecider, [...afterDay3, paused(iso(5))]).when(take(2, day(10))).then([]));

  it('resumes where the cadence was when lifted: the day-10 demand, due 5 days after the pause, is due 5 days after the lift', () =>
    given(cadenceDecider, [...afterDay3, paused(iso(5))])
      .when(hold('lifted', iso(15)))
      .then([{ type: 'CadenceResumed', data: { ...ids, holdId: 'hold-1', liftedAt: iso(15), heldMs: 10 * DAY_MS, stillHeldBy: [], nextStep: 2, nextDueAt: iso(20) } }]));

  it('leaves work booked before the hold unable to take the step after it (a new epoch)', () => {
    const resumed: CadenceEvent = { type: 'CadenceResumed', data: { ...ids, holdId: 'hold-1', liftedAt: iso(15), heldMs: 10 * DAY_MS, stillHeldBy: [], nextStep: 2, nextDueAt: iso(20) } };
    return given(cadenceDecider, [...afterDay3, paused(iso(5)), resumed]).when(take(2, day(20), 0)).then([]);
  });

  it('takes the moved step with the new epoch at its new time', () => {
    const resumed: CadenceEvent = { type: 'CadenceResumed', data: { ...ids, holdId: 'hold-1', liftedAt: iso(15), heldMs: 10 * DAY_MS, stillHeldBy: [], nextStep: 2, nextDueAt: iso(20) } };
    return given(cadenceDecider, [...afterDay3, paused(iso(5)), resumed]).when(take(2, day(20), 1)).then([taken(2, iso(20), iso(20))]);
  });

  it('keeps the cadence stopped until the last of two holds is lifted', () =>
    given(cadenceDecider, [...afterDay3, paused(iso(5)), paused(iso(6), iso(5), 'hold-2')])
      .when(hold('lifted', iso(8)))
      .then([{ type: 'CadenceResumed', data: { ...ids, holdId: 'hold-1', liftedAt: iso(8), heldMs: 0, stillHeldBy: ['hold-2'], nextStep: null, nextDueAt: null } }]));

  it('is noted once however often it is heard', () => given(cadenceDecider, [...afterDay3, paused(iso(5))]).when(hold('placed', iso(5))).then([]));

  it('changes nothing on a finished cadence', () =>
    given(cadenceDecider, [started, ...[0, 1, 2, 3, 4, 5].map((i) => taken(i, iso(DEFAULT_COMMERCIAL_STRATEGY.steps[i].day))), { type: 'CadenceFinished' as const, data: { ...ids, finishedAt: iso(45) } }])
      .when(hold('placed', iso(50)))
      .then([]));

  it('lifted without having been placed changes nothing', () => given(cadenceDecider, afterDay3).when(hold('lifted', iso(8))).then([]));
});

describe('pausing and resuming as a function of the cadence', () => {
  const run: CadenceRun = { ...ids, strategyId: 'default-commercial', steps: DEFAULT_COMMERCIAL_STRATEGY.steps, startedAt: OPENED, taken: 2, lastTakenAt: iso(3), shiftMs: 0, epoch: 0, holds: {} };

  it('moves every step not yet taken later by exactly the time held', () => {
    const { run: resumed, heldMs } = withHoldLifted(withHoldPlaced(run, 'h', iso(5)), 'h', iso(12));
    expect(heldMs).toBe(7 * DAY_MS);
    expect(nextStep(resumed)).toEqual({ index: 2, dueAt: day(17) });
    expect(new Date(Date.parse(OPENED) + 45 * DAY_MS + resumed.shiftMs)).toEqual(day(52));
  });

  it('counts a hold heard after a step was taken from that step, not from the placement, since a step taken is not taken back', () => {
    const held = withHoldPlaced(run, 'h', iso(1));
    expect(held.pausedFrom).toBe(iso(3));
    expect(withHoldLifted(held, 'h', iso(4)).heldMs).toBe(DAY_MS);
  });

  it('adds the holds of two separate pauses together', () => {
    const once = withHoldLifted(withHoldPlaced(run, 'a', iso(4)), 'a', iso(6)).run;
    const twice = withHoldLifted(withHoldPlaced(once, 'b', iso(7)), 'b', iso(8)).run;
    expect(twice.shiftMs).toBe(3 * DAY_MS);
    expect(twice.epoch).toBe(2);
  });

  it('never moves a step earlier when a lift comes with a time before the placement', () => {
    expect(withHoldLifted(withHoldPlaced(run, 'h', iso(5)), 'h', iso(4)).heldMs).toBe(0);
  });
});

describe('a closed case and its cadence', () => {
  const afterDay3 = [started, taken(0, OPENED), taken(1, iso(3))];
  const stop = (closingCode: string, at: Date) => ({ type: 'StopCadence' as const, closingCode, now: at });
  const stopped = (closingCode: string, at: string, next: number | null): CadenceEvent => ({ type: 'CadenceStopped', data: { ...ids, closingCode, stoppedAt: at, nextStep: next } });

  it.each(['paid-in-full', 'settled', 'recalled', 'cancelled', 'bankrupt', 'time-barred'])('stops the cadence when the case closes as %s, naming the step it stopped before', (code) =>
    given(cadenceDecider, afterDay3).when(stop(code, day(6))).then([stopped(code, iso(6), 2)]));

  it('takes no step after it stopped, even when the step work fires on time', () => given(cadenceDecider, [...afterDay3, stopped('paid-in-full', iso(6), 2)]).when(take(2, day(10))).then([]));

  it('stops a paused cadence too, and a later lift of its hold does not resume it', () => {
    const history = [...afterDay3, paused(iso(5)), stopped('bankrupt', iso(6), 2)];
    given(cadenceDecider, [...afterDay3, paused(iso(5))]).when(stop('bankrupt', day(6))).then([stopped('bankrupt', iso(6), 2)]);
    return given(cadenceDecider, history).when(hold('lifted', iso(8))).then([]);
  });

  it('stops once however often the closure is heard', () => given(cadenceDecider, [...afterDay3, stopped('recalled', iso(6), 2)]).when(stop('recalled', day(7))).then([]));

  it('leaves a finished cadence as it is', () => {
    const history = [started, ...[0, 1, 2, 3, 4, 5].map((i) => taken(i, iso(DEFAULT_COMMERCIAL_STRATEGY.steps[i].day))), { type: 'CadenceFinished', data: { ...ids, finishedAt: iso(45) } } as CadenceEvent];
    return given(cadenceDecider, history).when(stop('paid-in-full', day(50))).then([]);
  });

  it('has nothing to stop when no cadence started', () => given(cadenceDecider).when(stop('paid-in-full', day(1))).then([]));
});
