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
  | ReviewForLegal
  | RecordClientAuthorization
  | ForwardToAttorney;
