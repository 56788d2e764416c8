import { AccountClosed, LegalStage, LegalStageChanged } from '@lib/contracts';
import type { Projection } from '@lib/read-models';

export const LEGAL_PIPELINE = 'legal_pipeline';

/** Every stage of the pipeline, in order; the report counts each, zero included. */
export const LEGAL_STAGES: readonly LegalStage[] = ['recommended', 'authorized', 'forwarded'];

/** An account in the legal pipeline. `balance` is legal-referral's figure at the last stage change. */
export interface LegalPipelineEntry {
  accountId: string;
  clientId: string;
  stage: LegalStage;
  balance: number;
  currency: string;
  attorneyId: string | null;
  changedAt: string;
  /** False once the account closed: it has left the pipeline. */
  open: boolean;
}

/**
 * An account that closed before any stage change of it reached reporting. Kept (never
 * listed: it is not open) so that a stage change arriving later finds it closed.
 */
export interface ClosedBeforeReferral {
  accountId: string;
  clientId: string;
  stage: null;
  open: false;
}

export type LegalPipelineDocument = LegalPipelineEntry | ClosedBeforeReferral;

/**
 * Accounts by legal stage. A closed account leaves the pipeline but keeps its document,
 * also when it was never in it, so a stage change delivered late (it travels on another
 * topic than the closing) cannot bring it back.
 */
export const legalPipelineProjection: Projection<LegalPipelineDocument> = {
  name: LEGAL_PIPELINE,
  handles: [LegalStageChanged.type, AccountClosed.type],
  documentIds: (event) => [event.data.accountId],
  evolve(document, event) {
    switch (event.type) {
      case LegalStageChanged.type:
        return {
          accountId: event.data.accountId,
          clientId: event.data.clientId,
          stage: event.data.stage,
          balance: event.data.balance,
          currency: event.data.currency,
          attorneyId: event.data.attorneyId ?? (document?.stage ? document.attorneyId : null),
          changedAt: event.data.changedAt,
          open: document?.open ?? true,
        };
      case AccountClosed.type:
        return document ? { ...document, open: false } : { accountId: event.data.accountId, clientId: event.data.clientId, stage: null, open: false };
      default:
        return document;
    }
  },
};
