/** Commands on a referral case. Times and looked-up facts arrive on them; the decider reads no clock. */
export interface OpenReferralCase {
  type: 'OpenReferralCase';
  accountId: string;
  clientId: string;
  commercial: boolean;
  currency: string;
  placedAmount: number;
  placedAt: string;
  /** `YYYY-MM-DD` of every invoice placed. */
  invoiceDueDates: string[];
  debtorCountry: string;
  debtorRegion: string | null;
}

export interface NotePayment {
  type: 'NotePayment';
  paymentId: string;
  amount: number;
  balanceAfter: number;
  paidAt: string;
}

export interface NotePaymentReversal {
  type: 'NotePaymentReversal';
  paymentId: string;
  amount: number;
  balanceAfter: number;
  reversedAt: string;
}

export interface CloseReferralCase {
  type: 'CloseReferralCase';
  closingCode: string;
  closedAt: string;
}

/** Intake reopened a closed account; the figures are those of its message. */
export interface ReopenReferralCase {
  type: 'ReopenReferralCase';
  previousClosingCode: string;
  reason: string;
  paymentId: string | null;
  /** Minor units, as payments reported it to intake. */
  balance: number;
  reopenedAt: string;
}

export interface ReviewForLegal {
  type: 'ReviewForLegal';
  now: Date;
}

export interface RecordClientAuthorization {
  type: 'RecordClientAuthorization';
  clientId: string;
  authorizedAt: string;
  agreesToSuitFee: boolean;
  agreesToAdvanceCosts: boolean;
}

export interface ForwardToAttorney {
  type: 'ForwardToAttorney';
  attorneyId: string;
  attorneyName: string;
  jurisdiction: string;
  now: Date;
}

export type ReferralCommand =
  | OpenReferralCase
  | NotePayment
  | NotePaymentReversal
  | CloseReferralCase
  | ReopenReferralCase
  | ReviewForLegal
  | RecordClientAuthorization
  | ForwardToAttorney;
