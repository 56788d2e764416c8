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
 * Accounts by legal stage. A closed account leaves the pipeline but keeps its document,
 * so a stage change delivered late (it travels on another topic) cannot bring it back.
 */
export const legalPipelineProjection: Projection<LegalPipelineEntry> = {
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
          attorneyId: event.data.attorneyId ?? document?.attorneyId ?? null,
          changedAt: event.data.changedAt,
          open: document?.open ?? true,
        };
      case AccountClosed.type:
        // An account never referred has no place in the pipeline.
        return document ? { ...document, open: false } : null;
      default:
        return document;
    }
  },
};
