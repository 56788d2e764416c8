import type { AgreementTerms } from './agreement-terms';

/** Commands on a client. Times and ids arrive on them; the decider reads no clock. */
export interface OnboardClient {
  type: 'OnboardClient';
  clientId: string;
  name: string;
  now: Date;
}

/** Only the hash of the new key is kept: the secret is shown to the caller once, never stored. */
export interface IssueApiKey {
  type: 'IssueApiKey';
  clientId: string;
  keyId: string;
  keyHash: string;
}

export interface RevokeApiKey {
  type: 'RevokeApiKey';
  clientId: string;
  keyId: string;
  /** Why the admin revokes it (leaked, client offboarded); null when not given. */
  reason: string | null;
  now: Date;
}

/** An admin sets a client's next agreement version; `terms` were parsed (money in minor units) from the request. */
export interface SetAgreement {
  type: 'SetAgreement';
  clientId: string;
  terms: AgreementTerms;
  effectiveFrom: Date;
  now: Date;
}

export type ClientCommand = OnboardClient | IssueApiKey | RevokeApiKey | SetAgreement;
