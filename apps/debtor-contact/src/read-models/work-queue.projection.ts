import type { ProjectedEvent, Projection } from '@lib/read-models';

/**
 * One document per account in `work_queue`, kept by debtor-contact from its own events
 * (case, promises, plans, cadence, assignment). It holds the facts the priority is made
 * of; `band` is the part of the priority that does not depend on the time of the
 * question, so the store can sort by it (docs/debtor-contact.md, "The work queue").
 */
export interface WorkQueueEntryDoc {
  accountId: string;
  clientId: string;
  /** False until the case opened, and while it is closed. */
  open: boolean;
  commercial: boolean;
  debtorName: string;
  debtorKind: string;
  country: string;
  region: string | null;
  currency: string;
  /** Minor units: the placed amount (the case does not follow payments). */
  balance: number;
  openedAt: string;
  /** The collector it is assigned to, or null: the unassigned pool. */
  assignee: string | null;
  lastContactAt: string | null;
  lastContactOutcome: string | null;
  /** Pending promises: id -> due date. */
  pendingPromises: Record<string, string>;
  /** Their due dates, so the store can find the promises due on a day. */
  promiseDueDates: string[];
  /** The latest broken promise not followed by a contact. */
  brokenPromiseAt: string | null;
  /** The latest missed installment (or default) not followed by a contact. */
  installmentMissedAt: string | null;
  /** The cadence's call step not yet followed by a call. */
  callDueSince: string | null;
  /** The cadence reached its legal review step. */
  legalReviewDueSince: string | null;
  /** 5 broken promise, 4 installment missed, 3 call due, 2 legal review due, 1 the rest: sorted on first. */
  band: number;
}

export const WORK_QUEUE = 'work_queue';

export const BANDS = { brokenPromise: 5, installmentMissed: 4, callDue: 3, legalReview: 2, rest: 1 } as const;

export function bandOf(doc: Pick<WorkQueueEntryDoc, 'brokenPromiseAt' | 'installmentMissedAt' | 'callDueSince' | 'legalReviewDueSince'>): number {
  if (doc.brokenPromiseAt) return BANDS.brokenPromise;
  if (doc.installmentMissedAt) return BANDS.installmentMissed;
  if (doc.callDueSince) return BANDS.callDue;
  if (doc.legalReviewDueSince) return BANDS.legalReview;
  return BANDS.rest;
}

const blank = (accountId: string): WorkQueueEntryDoc => ({
  accountId,
  clientId: '',
  open: false,
  commercial: false,
  debtorName: '',
  debtorKind: '',
  country: '',
  region: null,
  currency: '',
  balance: 0,
  openedAt: '',
  assignee: null,
  lastContactAt: null,
  lastContactOutcome: null,
  pendingPromises: {},
  promiseDueDates: [],
  brokenPromiseAt: null,
  installmentMissedAt: null,
  callDueSince: null,
  legalReviewDueSince: null,
  band: BANDS.rest,
});

const withoutPromise = (doc: WorkQueueEntryDoc, promiseId: string): Partial<WorkQueueEntryDoc> => {
  const { [promiseId]: _gone, ...pendingPromises } = doc.pendingPromises;
  return { pendingPromises, promiseDueDates: [...new Set(Object.values(pendingPromises))].sort() };
};

function changed(doc: WorkQueueEntryDoc, event: ProjectedEvent): Partial<WorkQueueEntryDoc> {
  const data = event.data;
  switch (event.type) {
    case 'ContactCaseOpened':
      return {
        clientId: data.clientId,
        open: true,
        commercial: data.commercial,
        debtorName: data.debtor.legalName,
        debtorKind: data.debtor.kind,
        country: data.debtor.country,
        region: data.debtor.region ?? null,
        currency: data.currency,
        balance: data.placedAmount,
        openedAt: data.openedAt,
      };
    case 'CaseDebtorReplaced':
      return { debtorName: data.debtor.legalName, debtorKind: data.debtor.kind, country: data.debtor.country, region: data.debtor.region ?? null };
    case 'ContactCaseClosed':
      return { open: false };
    case 'ContactCaseReopened':
      return { open: true };
    case 'ContactAttemptRecorded': {
      const at = String(event.metadata.occurredAt);
      // A contact answers what brought the account up: the broken promise, the missed installment and the call due are dealt with.
      return { lastContactAt: at, lastContactOutcome: data.outcome, brokenPromiseAt: null, installmentMissedAt: null, callDueSince: data.channel === 'call' ? null : doc.callDueSince };
    }
    case 'PromiseTracked':
      return { pendingPromises: { ...doc.pendingPromises, [data.promiseId]: data.dueDate }, promiseDueDates: [...new Set([...Object.values(doc.pendingPromises), data.dueDate])].sort() };
    case 'PromiseKept':
      return withoutPromise(doc, data.promiseId);
    case 'PromiseBroken':
      return { ...withoutPromise(doc, data.promiseId), brokenPromiseAt: data.brokenAt };
    case 'PlanInstallmentMissed':
      return { installmentMissedAt: data.missedAt };
    case 'PaymentPlanDefaulted':
      return { installmentMissedAt: data.defaultedAt };
    case 'PaymentPlanCompleted':
      return { installmentMissedAt: null };
    case 'CadenceStepTaken':
      if (data.action === 'call') return { callDueSince: data.takenAt };
      if (data.action === 'legal-review') return { legalReviewDueSince: data.takenAt };
      return {};
    case 'AccountAssigned':
      return { assignee: data.collectorId, clientId: doc.clientId || data.clientId };
    default:
      return {};
  }
}

export const workQueueProjection: Projection<WorkQueueEntryDoc> = {
  name: WORK_QUEUE,
  handles: [
    'ContactCaseOpened',
    'CaseDebtorReplaced',
    'ContactCaseClosed',
    'ContactCaseReopened',
    'ContactAttemptRecorded',
    'PromiseTracked',
    'PromiseKept',
    'PromiseBroken',
    'PlanInstallmentMissed',
    'PaymentPlanDefaulted',
    'PaymentPlanCompleted',
    'CadenceStepTaken',
    'AccountAssigned',
  ],
  documentIds: (event) => (typeof event.data.accountId === 'string' ? [event.data.accountId] : []),
  evolve(document, event) {
    const doc = document ?? blank(String(event.data.accountId));
    const next = { ...doc, ...changed(doc, event) };
    return { ...next, band: bandOf(next) };
  },
};
