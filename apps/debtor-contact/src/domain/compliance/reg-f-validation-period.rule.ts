import { VALIDATION_PERIOD_DAYS } from '../communications/first-notice';
import { openDisputes } from '../disputes/disputes.state';
import type { Dispute } from '../disputes/disputes.state';
import { allow, ComplianceRule, deny } from './compliance-rule';

const DAY_MS = 86_400_000;

/** The end of the validation period: the validation notice goes out as the case opens (its letter date), the period ends 35 days later. */
export const validationPeriodEndsAt = (openedAt: string): Date => new Date(Date.parse(openedAt) + VALIDATION_PERIOD_DAYS * DAY_MS);

/** A dispute the debtor made in writing and the agency recorded before the validation period ended. */
export const isTimelyWrittenDispute = (dispute: Dispute, openedAt: string): boolean =>
  dispute.openedBy === 'debtor' && dispute.written === true && Date.parse(dispute.openedAt) <= validationPeriodEndsAt(openedAt).getTime();

/**
 * Regulation F's validation period (12 CFR 1006.34, 15 U.S.C. 1692g(b)): a consumer who
 * disputes the debt in writing within the period stops collection until the agency sends
 * verification, which here is the dispute's resolution. It holds whatever part is
 * disputed: a contact cannot say which part of the debt it is about, so a timely written
 * dispute of listed invoices pauses every outbound contact too (the agency's own
 * dispute-hold holds only a whole-account dispute). The debtor calling in is heard.
 */
export const regFValidationPeriodRule: ComplianceRule = {
  name: 'reg-f-validation-period',
  version: 1,
  scope: { accounts: 'consumer' },
  checks: 'no outbound contact while a written dispute made within the validation period (35 days from the validation notice) awaits verification (Regulation F)',
  judge(contact, contactCase) {
    if (contact.direction !== 'outbound') return allow;
    const pending = openDisputes(contactCase).find((dispute) => isTimelyWrittenDispute(dispute, contactCase.openedAt));
    if (!pending) return allow;
    const periodEnd = validationPeriodEndsAt(contactCase.openedAt).toISOString();
    return deny(
      `the debtor disputed the debt in writing on ${pending.openedAt.slice(0, 10)}, within the validation period (until ${periodEnd.slice(0, 10)}): collection waits for verification (dispute ${pending.disputeId} resolved)`,
    );
  },
};
