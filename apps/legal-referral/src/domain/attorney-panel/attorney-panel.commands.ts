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

export interface IssueAttorneyApiKey {
  type: 'IssueAttorneyApiKey';
  attorneyId: string;
  keyId: string;
  keyHash: string;
  now: Date;
}

export type AttorneyPanelCommand = AddPanelAttorney | UpdatePanelAttorney | AssignCase | ReleaseCase | IssueAttorneyApiKey;
