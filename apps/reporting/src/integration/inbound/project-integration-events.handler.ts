import {
  AccountClosed,
  AccountPaidInFull,
  AccountPlaced,
  AccountReopened,
  CommissionCorrected,
  ContactAttemptRecorded,
  CostAdvanceStepRecorded,
  CreditRefunded,
  Contract,
  InvoiceAdded,
  ConvertedToThirdParty,
  LegalStageChanged,
  NoticeSent,
  OpenBalanceChanged,
  PaymentPosted,
  PaymentReversed,
  PreCollectionReminderSent,
  PromiseBroken,
  PromiseKept,
  PromiseToPayMade,
  RemittanceIssuedV1,
} from '@lib/contracts';
import { BatchInbound, onBatch } from '@lib/integration';
import type { ProjectedEvent, Projection, ReadModelStore } from '@lib/read-models';
import { projectedEventOf } from './projected-event';

/**
 * The published events the reports are built from. Client-intake's
 * LegalReferralAuthorized is not among them: it is the client's request, which
 * legal-referral may ignore; the authorization that took effect arrives as
 * LegalStageChanged to `authorized`.
 */
export const REPORTED_CONTRACTS: readonly Contract<any>[] = [
  AccountPlaced,
  AccountClosed,
  AccountReopened,
  PaymentPosted,
  PaymentReversed,
  AccountPaidInFull,
  NoticeSent,
  ContactAttemptRecorded,
  PromiseToPayMade,
  PromiseKept,
  PromiseBroken,
  LegalStageChanged,
  InvoiceAdded,
  OpenBalanceChanged,
  PreCollectionReminderSent,
  ConvertedToThirdParty,
];

/**
 * Reported events reach the projections a batch at a time (the bus's batch consumption):
 * per batch, each projection gets the events it reads, in delivery order, in ONE `apply`,
 * so the store loads and writes each document once per batch instead of once per event.
 * The projections write different collections, so they run concurrently; the batch
 * resolves (and is committed) only once every one of them settled, and a retry never
 * overlaps the writes of the attempt before it. The store's version guard (per document
 * and source stream) makes a redelivered batch a no-op for what was applied, also when a
 * failure left some projections applied and others not: the retry applies only what is
 * missing. A message that cannot be projected fails its batch; the bus then delivers the
 * batch one message at a time, so only that one ends in the dead-letter topic.
 */
export const projectIntegrationEvents = (store: ReadModelStore, projections: readonly Projection<any>[]): BatchInbound[] => [
  onBatch(REPORTED_CONTRACTS, async (items) => {
    const events = items.map(({ contract, data, message }) => projectedEventOf(contract, data, message));
    await applyConcurrently(
      store,
      projections.map((projection) => ({ projection, events: events.filter((event) => projection.handles.includes(event.type)) })),
    );
  }),
  // Not among the reported contracts: a statement is a client's, not an account's, so it has no place in an account's log of reported events.
  onBatch([RemittanceIssuedV1], async (items) => {
    const events = items.map(({ contract, data, message }) => projectedEventOf(contract, data, message));
    await applyConcurrently(store, projections.filter((projection) => projection.handles.includes(RemittanceIssuedV1.type)).map((projection) => ({ projection, events })));
  }),
  // Trust-only facts (the trust ledger view): money moves, not an account's story, so kept out of the reported contracts too.
  onBatch([CommissionCorrected, CostAdvanceStepRecorded, CreditRefunded], async (items) => {
    const events = items.map(({ contract, data, message }) => projectedEventOf(contract, data, message));
    await applyConcurrently(
      store,
      projections.map((projection) => ({ projection, events: events.filter((event) => projection.handles.includes(event.type)) })),
    );
  }),
];

/**
 * Applies each projection's events, all projections at once, and throws the first
 * failure only after every apply settled.
 */
export async function applyConcurrently(store: ReadModelStore, work: ReadonlyArray<{ projection: Projection<any>; events: readonly ProjectedEvent[] }>): Promise<void> {
  const outcomes = await Promise.allSettled(work.filter(({ events }) => events.length > 0).map(({ projection, events }) => store.apply(projection, events)));
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}
