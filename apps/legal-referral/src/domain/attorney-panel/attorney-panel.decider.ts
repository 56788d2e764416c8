import { Decider, Decision, reject as rejectAny } from '@lib/es-core';
import type { AssignCase, AttorneyPanelCommand } from './attorney-panel.commands';
import type { AttorneyPanelEvent, PanelTerms } from './attorney-panel.events';
import { AttorneyPanel, attorneyOnPanel, evolvePanel, holderOf, initialPanel, PanelAttorney, spareCapacity } from './attorney-panel.state';

export const ATTORNEY_UNKNOWN = 'attorney-unknown';
export const ATTORNEY_NOT_ON_PANEL = 'attorney-not-on-panel';
export const ATTORNEY_ALREADY_ON_PANEL = 'attorney-already-on-panel';
export const ATTORNEY_AT_CAPACITY = 'attorney-at-capacity';
export const NO_PANEL_ATTORNEY_AVAILABLE = 'no-panel-attorney-available';
export const ATTORNEY_JURISDICTION_MISMATCH = 'attorney-jurisdiction-mismatch';

/** The one stream of the panel: every attorney and its caseload, so capacity is decided on one version. */
export const ATTORNEY_PANEL_STREAM = 'attorney-panel';

const reject = (rule: string, reason: string) => rejectAny<AttorneyPanelEvent>(rule, reason);

const normalised = (terms: PanelTerms): PanelTerms => ({ ...terms, jurisdictions: [...new Set(terms.jurisdictions.map((j) => j.trim().toUpperCase()))].sort() });

const covers = (attorney: PanelAttorney, jurisdiction: string): boolean => attorney.jurisdictions.includes(jurisdiction);

/**
 * The panel's rule for who gets a case when none is named: among the attorneys covering the
 * debtor's jurisdiction with a place left, the least loaded (open cases over capacity), then
 * the one with fewer open cases, then the one on the panel longest. Spreading by load keeps
 * a large firm from being starved and a small one from being flooded; the last two keys make
 * the choice the same every time for the same panel.
 */
export function pickAttorney(panel: AttorneyPanel, jurisdiction: string): PanelAttorney | undefined {
  const candidates = panel.attorneys
    .map((attorney, joined) => ({ attorney, joined }))
    .filter(({ attorney }) => covers(attorney, jurisdiction) && spareCapacity(attorney) > 0);
  candidates.sort(
    (a, b) =>
      a.attorney.openCases.length / a.attorney.capacity - b.attorney.openCases.length / b.attorney.capacity ||
      a.attorney.openCases.length - b.attorney.openCases.length ||
      a.joined - b.joined,
  );
  return candidates[0]?.attorney;
}

function decideAssignCase(command: AssignCase, panel: AttorneyPanel): Decision<AttorneyPanelEvent> {
  const { accountId, jurisdiction, attorneyId, now } = command;
  const holder = holderOf(panel, accountId);
  // A forwarding retried after a crash finds its place taken already: the same case, the same place.
  if (holder && (attorneyId === null || attorneyId === holder.attorneyId)) return [];
  let chosen: PanelAttorney | undefined;
  if (attorneyId !== null) {
    chosen = attorneyOnPanel(panel, attorneyId);
    if (!chosen) return reject(ATTORNEY_NOT_ON_PANEL, `attorney ${attorneyId} is not on the agency's panel`);
    if (!covers(chosen, jurisdiction)) {
      return reject(ATTORNEY_JURISDICTION_MISMATCH, `${chosen.firm} covers ${chosen.jurisdictions.join(', ')}, the debtor is in ${jurisdiction}: forward to an attorney of the panel for ${jurisdiction}`);
    }
    if (spareCapacity(chosen) <= 0) return reject(ATTORNEY_AT_CAPACITY, `${chosen.firm} holds ${chosen.openCases.length} open cases, its capacity is ${chosen.capacity}`);
  } else {
    chosen = pickAttorney(panel, jurisdiction);
    if (!chosen) return reject(NO_PANEL_ATTORNEY_AVAILABLE, `no attorney of the panel covers ${jurisdiction} with a place left`);
  }
  const at = now.toISOString();
  const release: AttorneyPanelEvent[] = holder ? [{ type: 'AttorneyCaseReleased', data: { attorneyId: holder.attorneyId, accountId, reason: 'forwarded to another attorney', releasedAt: at } }] : [];
  return [...release, { type: 'AttorneyCaseAssigned', data: { attorneyId: chosen.attorneyId, accountId, jurisdiction, assignedAt: at } }];
}

function decide(command: AttorneyPanelCommand, panel: AttorneyPanel): Decision<AttorneyPanelEvent> {
  switch (command.type) {
    case 'AddPanelAttorney':
      if (attorneyOnPanel(panel, command.attorneyId)) return reject(ATTORNEY_ALREADY_ON_PANEL, `attorney ${command.attorneyId} is on the panel already`);
      return [{ type: 'PanelAttorneyAdded', data: { attorneyId: command.attorneyId, ...normalised(command.terms), addedAt: command.now.toISOString() } }];
    case 'UpdatePanelAttorney':
      // A capacity lowered below the open cases takes nothing away: no new case until some close.
      if (!attorneyOnPanel(panel, command.attorneyId)) return reject(ATTORNEY_UNKNOWN, `attorney ${command.attorneyId} is not on the panel`);
      return [{ type: 'PanelAttorneyUpdated', data: { attorneyId: command.attorneyId, ...normalised(command.terms), updatedAt: command.now.toISOString() } }];
    case 'AssignCase':
      return decideAssignCase(command, panel);
    case 'ReleaseCase': {
      const holder = holderOf(panel, command.accountId);
      if (!holder) return [];
      return [{ type: 'AttorneyCaseReleased', data: { attorneyId: holder.attorneyId, accountId: command.accountId, reason: command.reason, releasedAt: command.now.toISOString() } }];
    }
    case 'RetakeCase': {
      // The attorney never gave the file up, so capacity does not refuse it: the caseload
      // counts it again even above capacity, and no new case goes there until one closes.
      const holder = holderOf(panel, command.accountId);
      if (holder?.attorneyId === command.attorneyId || !attorneyOnPanel(panel, command.attorneyId)) return [];
      const at = command.now.toISOString();
      const release: AttorneyPanelEvent[] = holder ? [{ type: 'AttorneyCaseReleased', data: { attorneyId: holder.attorneyId, accountId: command.accountId, reason: 'retaken by its attorney', releasedAt: at } }] : [];
      return [...release, { type: 'AttorneyCaseAssigned', data: { attorneyId: command.attorneyId, accountId: command.accountId, jurisdiction: command.jurisdiction, assignedAt: at } }];
    }
    case 'IssueAttorneyApiKey':
      if (!attorneyOnPanel(panel, command.attorneyId)) return reject(ATTORNEY_UNKNOWN, `attorney ${command.attorneyId} is not on the panel`);
      return [{ type: 'AttorneyApiKeyIssued', data: { attorneyId: command.attorneyId, keyId: command.keyId, keyHash: command.keyHash, issuedAt: command.now.toISOString() } }];
  }
}

/** The agency's panel of receiving attorneys, stream `attorney-panel`. */
export const attorneyPanelDecider: Decider<AttorneyPanel, AttorneyPanelCommand, AttorneyPanelEvent> = {
  initialState: initialPanel,
  evolve: evolvePanel,
  decide,
};
