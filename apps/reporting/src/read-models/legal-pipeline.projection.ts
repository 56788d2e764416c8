import { AccountClosed, AccountReopened, LEGAL_STAGES as PUBLISHED_STAGES, LegalStage, LegalStageChanged } from '@lib/contracts';
import type { ProjectedEvent, Projection } from '@lib/read-models';

export const LEGAL_PIPELINE = 'legal_pipeline';

/** Every stage of the pipeline, in order; the report counts each, zero included. */
export const LEGAL_STAGES: readonly LegalStage[] = PUBLISHED_STAGES;

/**
 * Whether client-intake has the account closed, as of which closing or reopening. Kept on
 * every document, so the pipeline follows closed → reopened → closed again.
 */
interface AccountClosing {
  /** True from a closing until the reopening that undoes it. */
  closed: boolean;
  /**
   * The version, in client-intake's account stream, of the closing or reopening that set
   * `closed`; null before any. An older one arriving later changes nothing.
   */
  statusVersion: number | null;
}

/** An account in the legal pipeline. `balance` is legal-referral's figure at the last stage change. */
export interface LegalPipelineEntry extends AccountClosing {
  accountId: string;
  clientId: string;
  stage: LegalStage;
  balance: number;
  currency: string;
  attorneyId: string | null;
  changedAt: string;
  /**
   * Milliseconds the account spent in each stage it has left, summed over every stint (a
   * stage may come back: collected, then enforcement again). The current stage's stint runs
   * from `changedAt`. Absent on documents stored before it was kept.
   */
  timeInStages?: Partial<Record<LegalStage, number>>;
  /** Listed: false while the account is closed, true again once it reopens. */
  open: boolean;
}

/**
 * An account closed (and perhaps reopened since) before any stage change of it reached
 * reporting. Kept (never listed) so that a stage change arriving later finds out whether
 * the account is closed.
 */
export interface ClosedBeforeReferral extends AccountClosing {
  accountId: string;
  clientId: string;
  stage: null;
  open: false;
}

export type LegalPipelineDocument = LegalPipelineEntry | ClosedBeforeReferral;

/** Documents stored before `closed` existed: an entry not open was closed, a marker was one. */
function isClosed(document: LegalPipelineDocument): boolean {
  return document.closed ?? !document.open;
}

function isNewerStatus(document: LegalPipelineDocument | null, version: number): boolean {
  const current = document?.statusVersion ?? null;
  return current === null || version > current;
}

/** The account closed (AccountClosed) or open again (AccountReopened), at `event`'s version of its account stream. */
function withClosing(document: LegalPipelineDocument | null, event: ProjectedEvent, closed: boolean): LegalPipelineDocument | null {
  if (!isNewerStatus(document, event.version)) return document;
  const closing: AccountClosing = { closed, statusVersion: event.version };
  if (document?.stage) return { ...document, ...closing, open: !closed };
  return { accountId: event.data.accountId, clientId: event.data.clientId, stage: null, open: false, ...closing };
}

/** The stint in the stage the account leaves at `leftAt`, added to its time in that stage. */
function withStint(entry: LegalPipelineEntry, leftAt: string): Partial<Record<LegalStage, number>> {
  const stint = Math.max(0, new Date(leftAt).getTime() - new Date(entry.changedAt).getTime());
  const times = entry.timeInStages ?? {};
  return { ...times, [entry.stage]: (times[entry.stage] ?? 0) + stint };
}

/**
 * Accounts by legal stage. A closed account leaves the pipeline but keeps its document,
 * also when it was never in it, so a stage change delivered late (it travels on another
 * topic than the closing) cannot bring it back. A reopened account returns at its last
 * stage, as the contract asks ("put the account back where it was before its
 * AccountClosed"): legal-referral publishes nothing on a closing or a reopening, so its
 * last stage change is still its stage; if legal-referral moves it, its next stage change
 * says so. Closing again takes it out again.
 */
export const legalPipelineProjection: Projection<LegalPipelineDocument> = {
  name: LEGAL_PIPELINE,
  handles: [LegalStageChanged.type, AccountClosed.type, AccountReopened.type],
  documentIds: (event) => [event.data.accountId],
  evolve(document, event) {
    switch (event.type) {
      case LegalStageChanged.type: {
        const closed = document ? isClosed(document) : false;
        return {
          timeInStages: document?.stage ? withStint(document, event.data.changedAt) : {},
          accountId: event.data.accountId,
          clientId: event.data.clientId,
          stage: event.data.stage,
          balance: event.data.balance,
          currency: event.data.currency,
          attorneyId: event.data.attorneyId ?? (document?.stage ? document.attorneyId : null),
          changedAt: event.data.changedAt,
          open: !closed,
          closed,
          statusVersion: document?.statusVersion ?? null,
        };
      }
      case AccountClosed.type:
        return withClosing(document, event, true);
      case AccountReopened.type:
        return withClosing(document, event, false);
      default:
        return document;
    }
  },
};
