import { ACCOUNT_CATEGORIES } from '@lib/contracts';

/**
 * Contact strategies (cadences): what happens to an account, and when, from the day its
 * case opens (docs/debtor-contact.md, "Contact strategies"). A strategy is data; a
 * client's own strategies and the rules that choose among them are events on the
 * client's `strategies-` stream.
 */

/** What a step does. Letters go through the communications port; a call puts the account in the work queue as "call due". */
export const STEP_ACTIONS = ['first-notice', 'second-demand', 'final-demand', 'call', 'legal-review'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** The actions that send a letter (and the same text by email where the debtor has a usable address). */
export const LETTER_ACTIONS: readonly StepAction[] = ['second-demand', 'final-demand'];

export interface StrategyStep {
  /** Days after the case opened (the placement), 0 to 365. */
  day: number;
  action: StepAction;
}

export interface ContactStrategy {
  strategyId: string;
  name: string;
  steps: StrategyStep[];
}

export const PAYMENT_HISTORIES = ['none', 'kept-promises', 'broken-promises'] as const;
/** What the service knows of how the debtor paid before: no promise, promises all kept, at least one broken. */
export type PaymentHistory = (typeof PAYMENT_HISTORIES)[number];

export { ACCOUNT_CATEGORIES } from '@lib/contracts';
/** The account's category as placed (docs/domain.md, "Words": standard, nsf-cheque, out-of-business, second-placement, foreign). */
export type AccountCategory = (typeof ACCOUNT_CATEGORIES)[number];

/** A segment: every condition given must hold (a missing one holds always). Amounts in minor units, bounds inclusive. */
export interface SegmentRule {
  strategyId: string;
  /** True: commercial accounts only; false: consumer accounts only. */
  commercial?: boolean;
  category?: AccountCategory;
  minBalance?: number;
  maxBalance?: number;
  /** Age at placement in days, from the oldest invoice's due date (as the commission tiers count it). */
  minAgeDays?: number;
  maxAgeDays?: number;
  paymentHistory?: PaymentHistory;
}

/** What the choice of a strategy reads about an account. */
export interface SegmentFacts {
  commercial: boolean;
  /** Null where the placement did not say (a conversion from pre-collection): a rule naming a category does not match it. */
  category: AccountCategory | null;
  /** Minor units. */
  balance: number;
  ageDays: number;
  paymentHistory: PaymentHistory;
}

/** Commercial default: day 0 first demand, 3 call, 10 second demand, 20 call, 30 final demand, 45 legal review. */
export const DEFAULT_COMMERCIAL_STRATEGY: ContactStrategy = {
  strategyId: 'default-commercial',
  name: 'Default commercial',
  steps: [
    { day: 0, action: 'first-notice' },
    { day: 3, action: 'call' },
    { day: 10, action: 'second-demand' },
    { day: 20, action: 'call' },
    { day: 30, action: 'final-demand' },
    { day: 45, action: 'legal-review' },
  ],
};

/**
 * Consumer default: the first letter is the validation notice. Calls may start during the
 * validation period, but no further demand goes out before it ends (day 35), so nothing
 * written overshadows the debtor's right to dispute; then the same rhythm as commercial.
 */
export const DEFAULT_CONSUMER_STRATEGY: ContactStrategy = {
  strategyId: 'default-consumer',
  name: 'Default consumer',
  steps: [
    { day: 0, action: 'first-notice' },
    { day: 7, action: 'call' },
    { day: 21, action: 'call' },
    { day: 40, action: 'second-demand' },
    { day: 50, action: 'call' },
    { day: 60, action: 'final-demand' },
    { day: 75, action: 'legal-review' },
  ],
};

export const DEFAULT_STRATEGIES: readonly ContactStrategy[] = [DEFAULT_COMMERCIAL_STRATEGY, DEFAULT_CONSUMER_STRATEGY];

/** A client's strategies and the rules that choose them, in the order they are tried. */
export interface ClientStrategies {
  strategies: ContactStrategy[];
  rules: SegmentRule[];
}

export interface ChosenStrategy {
  strategy: ContactStrategy;
  /** Why, for the record: the rule that matched, or the default of the category. */
  reason: string;
}

const within = (value: number, min?: number, max?: number) => (min === undefined || value >= min) && (max === undefined || value <= max);

export function ruleMatches(rule: SegmentRule, facts: SegmentFacts): boolean {
  return (
    (rule.commercial === undefined || rule.commercial === facts.commercial) &&
    (rule.category === undefined || rule.category === facts.category) &&
    within(facts.balance, rule.minBalance, rule.maxBalance) &&
    within(facts.ageDays, rule.minAgeDays, rule.maxAgeDays) &&
    (rule.paymentHistory === undefined || rule.paymentHistory === facts.paymentHistory)
  );
}

/** The first of the client's rules the account matches chooses; none matching, the default of its category. */
export function chooseStrategy(client: ClientStrategies | undefined, facts: SegmentFacts): ChosenStrategy {
  const rules = client?.rules ?? [];
  const index = rules.findIndex((rule) => ruleMatches(rule, facts));
  if (index >= 0) {
    const strategyId = rules[index].strategyId;
    const strategy = client?.strategies.find((s) => s.strategyId === strategyId) ?? DEFAULT_STRATEGIES.find((s) => s.strategyId === strategyId);
    if (strategy) return { strategy, reason: `client rule ${index + 1} (${describeRule(rules[index])})` };
  }
  const strategy = facts.commercial ? DEFAULT_COMMERCIAL_STRATEGY : DEFAULT_CONSUMER_STRATEGY;
  return { strategy, reason: `default for ${facts.commercial ? 'commercial' : 'consumer'} accounts` };
}

function describeRule(rule: SegmentRule): string {
  const parts = [
    rule.commercial === undefined ? undefined : rule.commercial ? 'commercial' : 'consumer',
    rule.category ? `category ${rule.category}` : undefined,
    rule.minBalance !== undefined ? `balance >= ${rule.minBalance}` : undefined,
    rule.maxBalance !== undefined ? `balance <= ${rule.maxBalance}` : undefined,
    rule.minAgeDays !== undefined ? `age >= ${rule.minAgeDays}d` : undefined,
    rule.maxAgeDays !== undefined ? `age <= ${rule.maxAgeDays}d` : undefined,
    rule.paymentHistory ? `history ${rule.paymentHistory}` : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'every account';
}

/** Why a set of strategies cannot be a client's, or undefined when it can. */
export function strategiesProblem({ strategies, rules }: ClientStrategies): { rule: string; reason: string } | undefined {
  const ids = new Set<string>();
  for (const strategy of strategies) {
    if (ids.has(strategy.strategyId) || DEFAULT_STRATEGIES.some((d) => d.strategyId === strategy.strategyId)) {
      return { rule: 'strategy-id-taken', reason: `strategy ${strategy.strategyId} is defined twice or is a default's id` };
    }
    ids.add(strategy.strategyId);
    const [first] = strategy.steps;
    if (!first || first.day !== 0 || first.action !== 'first-notice') {
      return { rule: 'strategy-starts-with-first-notice', reason: `strategy ${strategy.strategyId} must start with the first notice on day 0 (the opening sends it)` };
    }
    for (let i = 1; i < strategy.steps.length; i++) {
      const step = strategy.steps[i];
      if (step.action === 'first-notice') return { rule: 'strategy-steps-invalid', reason: `strategy ${strategy.strategyId}: only the first step is the first notice` };
      if (step.day < strategy.steps[i - 1].day) return { rule: 'strategy-steps-invalid', reason: `strategy ${strategy.strategyId}: steps must be in day order` };
    }
  }
  for (const [index, rule] of rules.entries()) {
    if (!ids.has(rule.strategyId) && !DEFAULT_STRATEGIES.some((d) => d.strategyId === rule.strategyId)) {
      return { rule: 'strategy-unknown', reason: `rule ${index + 1} names strategy ${rule.strategyId}, which is neither defined here nor a default` };
    }
    if ((rule.minBalance ?? 0) > (rule.maxBalance ?? Infinity) || (rule.minAgeDays ?? 0) > (rule.maxAgeDays ?? Infinity)) {
      return { rule: 'strategy-rule-empty', reason: `rule ${index + 1}: a minimum above its maximum matches nothing` };
    }
  }
  return undefined;
}
