import {
  AccountClosed,
  AccountPaidInFull,
  AccountPlaced,
  AccountReopened,
  ContactAttemptRecorded,
  Contract,
  ConvertedToThirdParty,
  LegalStageChanged,
  NoticeSent,
  PaymentPosted,
  PaymentReversed,
  PreCollectionReminderSent,
  PromiseToPayMade,
} from '@lib/contracts';
import { Inbound, on } from '@lib/integration';
import type { Projection, ReadModelStore } from '@lib/read-models';
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
  LegalStageChanged,
  PreCollectionReminderSent,
  ConvertedToThirdParty,
];

/**
 * Each reported event goes to every projection that reads it. The store's version guard
 * makes a redelivery a no-op, also when a failure left some projections applied and
 * others not: the retry applies only what is missing.
 */
export const projectIntegrationEvents = (store: ReadModelStore, projections: readonly Projection<any>[]): Inbound[] =>
  REPORTED_CONTRACTS.map((contract) => {
    const readers = projections.filter((projection) => projection.handles.includes(contract.type));
    return on(contract, async (data, _context, message) => {
      const event = projectedEventOf(contract, data, message);
      for (const projection of readers) await store.apply(projection, [event]);
    });
  });
