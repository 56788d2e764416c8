import { chooseStrategy, DEFAULT_COMMERCIAL_STRATEGY, DEFAULT_CONSUMER_STRATEGY, SegmentFacts, strategiesProblem } from './contact-strategy';

const facts = (overrides: Partial<SegmentFacts> = {}): SegmentFacts => ({ commercial: true, category: 'standard', balance: 500_000, ageDays: 60, paymentHistory: 'none', ...overrides });
const FAST = { strategyId: 'fast-large', name: 'Large balances, calls first', steps: [{ day: 0, action: 'first-notice' as const }, { day: 1, action: 'call' as const }, { day: 7, action: 'final-demand' as const }] };

describe('choosing a contact strategy', () => {
  it('gives a commercial account without client rules the default commercial cadence', () => {
    expect(chooseStrategy(undefined, facts())).toEqual({ strategy: DEFAULT_COMMERCIAL_STRATEGY, reason: 'default for commercial accounts' });
    expect(DEFAULT_COMMERCIAL_STRATEGY.steps.map((s) => [s.day, s.action])).toEqual([
      [0, 'first-notice'], [3, 'call'], [10, 'second-demand'], [20, 'call'], [30, 'final-demand'], [45, 'legal-review'],
    ]);
  });

  it('gives a consumer account the default consumer cadence, with no demand before the validation period ends', () => {
    expect(chooseStrategy(undefined, facts({ commercial: false })).strategy).toBe(DEFAULT_CONSUMER_STRATEGY);
    expect(DEFAULT_CONSUMER_STRATEGY.steps.filter((s) => s.action.endsWith('demand')).every((s) => s.day > 35)).toBe(true);
  });

  it('lets the first matching client rule choose, and says which rule', () => {
    const client = { strategies: [FAST], rules: [{ strategyId: 'fast-large', minBalance: 1_000_000 }, { strategyId: 'fast-large', paymentHistory: 'broken-promises' as const, maxAgeDays: 90 }] };
    expect(chooseStrategy(client, facts({ balance: 2_000_000 }))).toEqual({ strategy: FAST, reason: 'client rule 1 (balance >= 1000000)' });
    expect(chooseStrategy(client, facts({ paymentHistory: 'broken-promises' })).reason).toBe('client rule 2 (age <= 90d, history broken-promises)');
    expect(chooseStrategy(client, facts({ paymentHistory: 'broken-promises', ageDays: 120 })).strategy).toBe(DEFAULT_COMMERCIAL_STRATEGY);
  });

  it('lets a client rule choose a default strategy for a segment', () => {
    const client = { strategies: [], rules: [{ strategyId: 'default-consumer', commercial: true, category: 'nsf-cheque' as const, maxBalance: 10_000 }] };
    expect(chooseStrategy(client, facts({ balance: 9_000, category: 'nsf-cheque' }))).toEqual({ strategy: DEFAULT_CONSUMER_STRATEGY, reason: 'client rule 1 (commercial, category nsf-cheque, balance <= 10000)' });
    expect(chooseStrategy(client, facts({ balance: 9_000, category: null })).strategy).toBe(DEFAULT_COMMERCIAL_STRATEGY);
  });
});

describe('a client strategy definition', () => {
  it('is refused when a strategy does not open with the first notice on day 0', () => {
    expect(strategiesProblem({ strategies: [{ ...FAST, steps: [{ day: 1, action: 'call' }] }], rules: [] })?.rule).toBe('strategy-starts-with-first-notice');
  });

  it('is refused when its steps are out of day order', () => {
    expect(strategiesProblem({ strategies: [{ ...FAST, steps: [{ day: 0, action: 'first-notice' }, { day: 9, action: 'call' }, { day: 3, action: 'call' }] }], rules: [] })?.rule).toBe('strategy-steps-invalid');
  });

  it('is refused when a rule names a strategy that does not exist', () => {
    expect(strategiesProblem({ strategies: [FAST], rules: [{ strategyId: 'nope' }] })?.rule).toBe('strategy-unknown');
  });

  it('is refused when it reuses a default strategy id', () => {
    expect(strategiesProblem({ strategies: [{ ...FAST, strategyId: 'default-commercial' }], rules: [] })?.rule).toBe('strategy-id-taken');
  });

  it('is refused when a rule could never match', () => {
    expect(strategiesProblem({ strategies: [FAST], rules: [{ strategyId: 'fast-large', minBalance: 10, maxBalance: 5 }] })?.rule).toBe('strategy-rule-empty');
  });

  it('is accepted when every strategy and rule is sound', () => {
    expect(strategiesProblem({ strategies: [FAST], rules: [{ strategyId: 'fast-large', commercial: true, category: 'foreign' as const }] })).toBeUndefined();
  });
});
