import type { PanelTerms } from './attorney-panel.events';

export interface AddPanelAttorney {
  type: 'AddPanelAttorney';
  attorneyId: string;
  terms: PanelTerms;
  now: Date;
}

export interface UpdatePanelAttorney {
  type: 'UpdatePanelAttorney';
  attorneyId: string;
  terms: PanelTerms;
  now: Date;
}

/**
 * Take a place on an attorney's caseload for a forwarding: the named attorney, checked, or
 * the one the panel's rule picks for `jurisdiction` (the debtor's) when none is named.
 */
export interface AssignCase {
  type: 'AssignCase';
  accountId: string;
  jurisdiction: string;
  attorneyId: string | null;
  now: Date;
}

export interface ReleaseCase {
  type: 'ReleaseCase';
  accountId: string;
  reason: string;
  now: Date;
}

/**
 * A case the account's closing took off its attorney's caseload is live again (the account
 * reopened while forwarded): it takes its place back with the same attorney.
 */
export interface RetakeCase {
  type: 'RetakeCase';
  accountId: string;
  attorneyId: string;
  jurisdiction: string;
  now: Date;
}

export interface IssueAttorneyApiKey {
  type: 'IssueAttorneyApiKey';
  attorneyId: string;
  keyId: string;
  keyHash: string;
  now: Date;
}

export type AttorneyPanelCommand = AddPanelAttorney | UpdatePanelAttorney | AssignCase | ReleaseCase | RetakeCase | IssueAttorneyApiKey;
