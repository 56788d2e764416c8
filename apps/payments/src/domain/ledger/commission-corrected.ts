import type { DomainEvent } from '@lib/es-core';
import type { PlanStamp } from '../commission-plan/commission';

/** Why a posted commission was corrected. Only one cause exists so far. */
export type CommissionCorrectionCause = 'legal-rate-from-forwarding';

/**
 * A posted payment's commission put right, traced to the payment and to its cause, without
 * rewriting the `PaymentPosted` it corrects: the payment was posted after the account was
 * forwarded to an attorney, and the forwarding was heard only later (docs/payments.md,
 * "Legal rate from the moment of forwarding"). The ledger, a reversal and the trust
 * ledger read the payment's commission as corrected from here on.
 */
export type CommissionCorrected = DomainEvent<
  'CommissionCorrected',
  {
    accountId: string;
    clientId: string;
    paymentId: string;
    currency: string;
    /** The commission as it stood before the correction, minor units. */
    commissionBefore: number;
    /** The commission from now on, minor units. */
    commission: number;
    /** `commission − commissionBefore`, signed. */
    difference: number;
    /** The rate the corrected commission is charged at (the legal rate), basis points. */
    commissionRateBp: number;
    /** The plan stamp from now on (tier `legal`); null when no plan covers the payment (the default legal rate). */
    plan: PlanStamp | null;
    cause: CommissionCorrectionCause;
    /** The moment the rate changed: the forwarding. */
    effectiveFrom: string;
    correctedAt: string;
    /** Set on a direct payment: the difference is owed by (or to) the client, not taken from collections. */
    direct?: true;
  }
>;
