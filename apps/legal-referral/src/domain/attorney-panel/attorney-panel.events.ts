import type { DomainEvent } from '@lib/es-core';

/** What the agency agreed with a receiving attorney; an update replaces it whole. */
export type PanelTerms = {
  /** The attorney's name on the panel: its firm. */
  firm: string;
  /** ISO 3166-2 subdivisions of `US` where it sues (`US-NY`), sorted, no repeats. */
  jurisdictions: string[];
  /** The currency of the suit fee. */
  currency: string;
  /** Flat fee for filing suit, minor units. */
  suitFee: number;
  /** The attorney's contingency on what it collects, basis points. */
  contingencyBp: number;
  /** The most cases it holds open at once. */
  capacity: number;
};

export type PanelAttorneyAdded = DomainEvent<'PanelAttorneyAdded', PanelTerms & { attorneyId: string; addedAt: string }>;
export type PanelAttorneyUpdated = DomainEvent<'PanelAttorneyUpdated', PanelTerms & { attorneyId: string; updatedAt: string }>;
/** A place on the attorney's caseload, taken by a forwarding. */
export type AttorneyCaseAssigned = DomainEvent<'AttorneyCaseAssigned', { attorneyId: string; accountId: string; jurisdiction: string; assignedAt: string }>;
/** The place given back: the file closed, the case was recalled or the account closed. */
export type AttorneyCaseReleased = DomainEvent<'AttorneyCaseReleased', { attorneyId: string; accountId: string; reason: string; releasedAt: string }>;
/** Only the key's hash is kept. */
export type AttorneyApiKeyIssued = DomainEvent<'AttorneyApiKeyIssued', { attorneyId: string; keyId: string; keyHash: string; issuedAt: string }>;

export type AttorneyPanelEvent = PanelAttorneyAdded | PanelAttorneyUpdated | AttorneyCaseAssigned | AttorneyCaseReleased | AttorneyApiKeyIssued;
