import type { AttorneyPanelEvent, PanelTerms } from './attorney-panel.events';

export interface PanelAttorney extends PanelTerms {
  attorneyId: string;
  addedAt: string;
  /** The accounts it holds now, in the order they were forwarded. */
  openCases: string[];
  keyHashes: string[];
}

/** The agency's panel of receiving attorneys, with every attorney's caseload. */
export interface AttorneyPanel {
  /** In the order they joined the panel. */
  attorneys: PanelAttorney[];
}

export const initialPanel = (): AttorneyPanel => ({ attorneys: [] });

export const attorneyOnPanel = (panel: AttorneyPanel, attorneyId: string): PanelAttorney | undefined => panel.attorneys.find((a) => a.attorneyId === attorneyId);

/** The attorney holding the account now, if one does. */
export const holderOf = (panel: AttorneyPanel, accountId: string): PanelAttorney | undefined => panel.attorneys.find((a) => a.openCases.includes(accountId));

export const spareCapacity = (attorney: PanelAttorney): number => attorney.capacity - attorney.openCases.length;

/** Whether `keyHash` is one of the attorney's keys. */
export const attorneyAcceptsKey = (panel: AttorneyPanel, attorneyId: string, keyHash: string): boolean =>
  attorneyOnPanel(panel, attorneyId)?.keyHashes.includes(keyHash) ?? false;

const withAttorney = (panel: AttorneyPanel, attorneyId: string, change: (attorney: PanelAttorney) => PanelAttorney): AttorneyPanel => ({
  attorneys: panel.attorneys.map((a) => (a.attorneyId === attorneyId ? change(a) : a)),
});

export function evolvePanel(panel: AttorneyPanel, event: AttorneyPanelEvent): AttorneyPanel {
  switch (event.type) {
    case 'PanelAttorneyAdded': {
      const { attorneyId, addedAt, firm, jurisdictions, currency, suitFee, contingencyBp, capacity } = event.data;
      return { attorneys: [...panel.attorneys, { attorneyId, addedAt, firm, jurisdictions, currency, suitFee, contingencyBp, capacity, openCases: [], keyHashes: [] }] };
    }
    case 'PanelAttorneyUpdated': {
      const { firm, jurisdictions, currency, suitFee, contingencyBp, capacity } = event.data;
      return withAttorney(panel, event.data.attorneyId, (a) => ({ ...a, firm, jurisdictions, currency, suitFee, contingencyBp, capacity }));
    }
    case 'AttorneyCaseAssigned':
      return withAttorney(panel, event.data.attorneyId, (a) => ({ ...a, openCases: [...a.openCases, event.data.accountId] }));
    case 'AttorneyCaseReleased':
      return withAttorney(panel, event.data.attorneyId, (a) => ({ ...a, openCases: a.openCases.filter((id) => id !== event.data.accountId) }));
    case 'AttorneyApiKeyIssued':
      return withAttorney(panel, event.data.attorneyId, (a) => ({ ...a, keyHashes: [...a.keyHashes, event.data.keyHash] }));
  }
}
