import { ForegroundWork } from './foreground-work';

/** Whether `promise` has settled once pending callbacks have run (fake timers do not move by themselves). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await jest.advanceTimersByTimeAsync(0);
  return done;
}

describe('ForegroundWork: commands before background', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-04-01T00:00:00.000Z') }));
  afterEach(() => jest.useRealTimers());

  const policy = { quietMs: 10, maxHoldMs: 2_000, windowMs: 200 };

  it('lets background run at once when no foreground work has run', async () => {
    const foreground = new ForegroundWork(policy);
    expect(foreground.busy).toBe(false);
    expect(await settled(foreground.whenIdle())).toBe(true);
  });

  it('holds background while foreground runs and for the quiet time after it last ended', async () => {
    const foreground = new ForegroundWork(policy);
    const end = foreground.begin();
    const turn = foreground.whenIdle();
    await jest.advanceTimersByTimeAsync(500);
    expect(await settled(turn)).toBe(false);

    end();
    await jest.advanceTimersByTimeAsync(9);
    expect(await settled(turn)).toBe(false);
    expect(foreground.busy).toBe(true);
    await jest.advanceTimersByTimeAsync(1);
    expect(await settled(turn)).toBe(true);
    expect(foreground.busy).toBe(false);
  });

  it('keeps holding while commands follow one another closer than the quiet time', async () => {
    const foreground = new ForegroundWork(policy);
    let turnCame = false;
    foreground.begin()();
    void foreground.whenIdle().then(() => (turnCame = true));
    // A caller in sequence: a 3 ms command, 1 ms apart, for a second.
    for (let i = 0; i < 250; i += 1) {
      const end = foreground.begin();
      await jest.advanceTimersByTimeAsync(3);
      end();
      await jest.advanceTimersByTimeAsync(1);
    }
    expect(turnCame).toBe(false);
    await jest.advanceTimersByTimeAsync(10);
    expect(turnCame).toBe(true);
  });

  it('gives background held for maxHoldMs a window of windowMs however busy the foreground is, then holds it again', async () => {
    const foreground = new ForegroundWork(policy);
    foreground.begin(); // never ends
    const first = foreground.whenIdle();
    await jest.advanceTimersByTimeAsync(1_999);
    expect(await settled(first)).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await settled(first)).toBe(true);

    // Inside the window every turn is given at once.
    await jest.advanceTimersByTimeAsync(150);
    expect(await settled(foreground.whenIdle())).toBe(true);
    // After it, a new hold begins with the next waiter.
    await jest.advanceTimersByTimeAsync(50);
    const next = foreground.whenIdle();
    await jest.advanceTimersByTimeAsync(1_999);
    expect(await settled(next)).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await settled(next)).toBe(true);
  });

  it('counts overlapping foreground work until the last ends, and an end called twice once', async () => {
    const foreground = new ForegroundWork(policy);
    const endA = foreground.begin();
    const endB = foreground.begin();
    const turn = foreground.whenIdle();
    endA();
    endA();
    await jest.advanceTimersByTimeAsync(50);
    expect(await settled(turn)).toBe(false);
    endB();
    await jest.advanceTimersByTimeAsync(10);
    expect(await settled(turn)).toBe(true);
  });

  it('ends foreground work run through during() when it throws, too', async () => {
    const foreground = new ForegroundWork(policy);
    await expect(foreground.during(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await jest.advanceTimersByTimeAsync(10);
    expect(foreground.busy).toBe(false);
  });
});
