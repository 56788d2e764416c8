import { OpenReferralCase, ReopenReferralCase } from './referral.commands';
import { OpenStage, ReferralCaseOpened, ReferralCaseReopened, ReferralEvent } from './referral.events';
import { evolveReferral, initialReferralState, ReferralCase } from './referral.state';

/** A commercial account of 7,500.50 placed on 2026-03-01, its oldest invoice due 2026-01-31. */
export const PLACED_AT = '2026-03-01T09:00:00.000Z';
export const REVIEW_DUE_AT = '2026-04-15T09:00:00.000Z';

export const daysAfterPlacement = (days: number, hours = 0) => new Date(new Date(PLACED_AT).getTime() + days * 86_400_000 + hours * 3_600_000);

export function openCommand(overrides: Partial<OpenReferralCase> = {}): OpenReferralCase {
  return {
    type: 'OpenReferralCase',
    accountId: 'acc-1',
    clientId: 'client-1',
    commercial: true,
    currency: 'USD',
    placedAmount: 750_050,
    placedAt: PLACED_AT,
    invoiceDueDates: ['2026-03-03', '2026-01-31'],
    debtorCountry: 'US',
    debtorRegion: 'NY',
    ...overrides,
  };
}

export function opened(overrides: Partial<ReferralCaseOpened['data']> = {}): ReferralCaseOpened {
  return {
    type: 'ReferralCaseOpened',
    data: {
      accountId: 'acc-1',
      clientId: 'client-1',
      commercial: true,
      currency: 'USD',
      balance: 750_050,
      placedAt: PLACED_AT,
      oldestDueDate: '2026-01-31',
      debtorCountry: 'US',
      debtorRegion: 'NY',
      reviewDueAt: REVIEW_DUE_AT,
      claimType: 'open-account',
      ...overrides,
    },
  };
}

export const paymentNoted = (paymentId: string, amount: number, balanceAfter: number, paidAt: Date): ReferralEvent => ({
  type: 'PaymentNoted',
  data: { accountId: 'acc-1', paymentId, amount, balanceAfter, paidAt: paidAt.toISOString() },
});

export const recommended = (reviewedAt = daysAfterPlacement(45)): ReferralEvent => ({
  type: 'ReferralRecommended',
  data: { accountId: 'acc-1', clientId: 'client-1', balance: 750_050, currency: 'USD', rulesChecked: ['balance-at-least-5000'], reviewedAt: reviewedAt.toISOString() },
});

export const authorized = (authorizedAt = daysAfterPlacement(46)): ReferralEvent => ({
  type: 'ReferralAuthorized',
  data: { accountId: 'acc-1', clientId: 'client-1', balance: 750_050, currency: 'USD', authorizedAt: authorizedAt.toISOString(), agreesToSuitFee: true, agreesToAdvanceCosts: true },
});

export const closed = (closingCode = 'recalled'): ReferralEvent => ({
  type: 'ReferralCaseClosed',
  data: { accountId: 'acc-1', closingCode, closedAt: daysAfterPlacement(10).toISOString() },
});

export const closedOn = (day: number, closingCode = 'paid-in-full'): ReferralEvent => ({
  type: 'ReferralCaseClosed',
  data: { accountId: 'acc-1', closingCode, closedAt: daysAfterPlacement(day).toISOString() },
});

/** The reopening a bounce causes on `day` (no reversal noted), back at `stage`, its review due 45 days later. */
export const reopened = (day: number, stage: OpenStage = 'opened', overrides: Partial<ReferralCaseReopened['data']> = {}): ReferralCaseReopened => ({
  type: 'ReferralCaseReopened',
  data: {
    accountId: 'acc-1',
    clientId: 'client-1',
    previousClosingCode: 'paid-in-full',
    reason: 'payment-reversed',
    paymentId: 'p-bounced',
    balance: 750_050,
    reopenedAt: daysAfterPlacement(day).toISOString(),
    stage,
    reviewDueAt: daysAfterPlacement(day + 45).toISOString(),
    ...overrides,
  },
});

export const reopenCommand = (day: number, overrides: Partial<ReopenReferralCase> = {}): ReopenReferralCase => ({
  type: 'ReopenReferralCase',
  previousClosingCode: 'paid-in-full',
  reason: 'payment-reversed',
  paymentId: 'p-bounced',
  balance: 750_050,
  reopenedAt: daysAfterPlacement(day).toISOString(),
  ...overrides,
});

/** The case folded from its events, for criteria specs. */
export function caseAfter(events: ReferralEvent[], overrides: Partial<Omit<ReferralCase, 'stage' | 'closing'>> = {}): ReferralCase {
  const state = events.reduce(evolveReferral, initialReferralState());
  if (state.stage === 'none') throw new Error('the fixture history opens no case');
  return { ...state, ...overrides };
}

/** A review passing every criterion since supervisor approval exists: the case waits in `pending-approval`. */
export const pendingApproval = (reviewedAt = daysAfterPlacement(45)): ReferralEvent => ({
  type: 'ReferralRecommended',
  data: {
    accountId: 'acc-1',
    clientId: 'client-1',
    balance: 750_050,
    currency: 'USD',
    rulesChecked: ['balance-at-least-5000', 'within-statute-of-limitations'],
    reviewedAt: reviewedAt.toISOString(),
    awaitsApproval: true,
    criteria: [
      { rule: 'balance-at-least-5000', version: 1 },
      { rule: 'within-statute-of-limitations', version: 1 },
    ],
  },
});

export const approved = (approvedAt = daysAfterPlacement(45, 2)): ReferralEvent => ({
  type: 'RecommendationApproved',
  data: {
    accountId: 'acc-1',
    clientId: 'client-1',
    balance: 750_050,
    currency: 'USD',
    approvedBy: 'supervisor-1',
    approvedAt: approvedAt.toISOString(),
    reviewedAt: daysAfterPlacement(45).toISOString(),
    criteria: [
      { rule: 'balance-at-least-5000', version: 1 },
      { rule: 'within-statute-of-limitations', version: 1 },
    ],
  },
});

/** Forwarded on day 50 to the panel attorney `att-ny-014`. */
export const forwardedToPanel = (attorneyId = 'att-ny-014'): ReferralEvent => ({
  type: 'ForwardedToAttorney',
  data: {
    accountId: 'acc-1',
    clientId: 'client-1',
    balance: 750_050,
    currency: 'USD',
    attorneyId,
    attorneyName: 'Hudson & Rowe LLP',
    jurisdiction: 'US-NY',
    forwardedAt: daysAfterPlacement(50).toISOString(),
    feeSchedule: { suitFee: 25_000, contingencyBp: 2_500 },
  },
});
