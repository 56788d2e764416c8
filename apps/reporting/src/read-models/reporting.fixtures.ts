import {
  AccountClosedV1,
  AccountPaidInFullV1,
  AccountPlacedV2,
  AccountReopenedV1,
  AuditRecordV1,
  ContactAttemptRecordedV1,
  Contract,
  ConvertedToThirdPartyV1,
  LegalReferralAuthorizedV1,
  LegalStageChangedV2,
  NoticeSentV1,
  PaymentPostedV3,
  PaymentReversedV2,
  PromiseToPayMadeV1,
} from '@lib/contracts';
import type { Projection, ProjectedEvent } from '@lib/read-models';

/** Published-language payloads and helpers the reporting specs share. */

export function accountPlaced(accountId: string, clientId: string, placedAmount: number, currency = 'USD'): AccountPlacedV2 {
  return {
    accountId,
    clientId,
    clientReference: `REF-${accountId.slice(0, 8)}`,
    commercial: true,
    category: 'standard',
    debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY', taxId: null, addresses: [], phones: [], emails: [] },
    invoices: [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: placedAmount, currency }],
    currency,
    placedAmount,
    buckets: { principal: placedAmount, interest: 0, fees: 0, costs: 0 },
    commissionRateBp: 2_500,
    placedAt: '2026-06-01T09:00:00.000Z',
  };
}

export function accountClosed(accountId: string, clientId: string, closingCode: string, closedAt = '2026-08-01T09:00:00.000Z'): AccountClosedV1 {
  return { accountId, clientId, closingCode, closedAt };
}

/** Client-intake reopening an account closed as paid in full, after payment `paymentId` bounced. */
export function accountReopened(accountId: string, clientId: string, balance: number, paymentId = 'p1', reopenedAt = '2026-08-05T09:00:00.000Z'): AccountReopenedV1 {
  return { accountId, clientId, previousClosingCode: 'paid-in-full', reason: 'payment-reversed', paymentId, balance, reopenedAt };
}

export function legalReferralAuthorized(accountId: string, clientId: string): LegalReferralAuthorizedV1 {
  return { accountId, clientId, authorizedAt: '2026-07-10T09:00:00.000Z', agreesToSuitFee: true, agreesToAdvanceCosts: true };
}

export function paymentPosted(accountId: string, clientId: string, paymentId: string, amount: number, balanceAfter: number, currency = 'USD'): PaymentPostedV3 {
  return {
    accountId,
    clientId,
    paymentId,
    amount,
    currency,
    allocations: [{ invoiceNumber: 'INV-1', amount }],
    commission: Math.round(amount / 4),
    commissionRateBp: 2_500,
    method: 'ach',
    credit: 0,
    balanceAfter,
    postedAt: '2026-06-20T09:00:00.000Z',
    direct: false,
    plan: null,
    clearsAt: '2026-06-25T09:00:00.000Z',
  };
}

export function paymentReversed(accountId: string, clientId: string, paymentId: string, amount: number, balanceAfter: number): PaymentReversedV2 {
  return {
    accountId,
    clientId,
    paymentId,
    amount,
    currency: 'USD',
    allocations: [{ invoiceNumber: 'INV-1', amount }],
    commission: Math.round(amount / 4),
    credit: 0,
    reason: 'nsf',
    balanceAfter,
    reversedAt: '2026-06-25T09:00:00.000Z',
  };
}

export function accountPaidInFull(accountId: string, clientId: string, paidAt = '2026-07-30T09:00:00.000Z'): AccountPaidInFullV1 {
  return { accountId, clientId, paidAt };
}

export function noticeSent(accountId: string, clientId: string, sentAt = '2026-06-01T09:05:00.000Z'): NoticeSentV1 {
  return { accountId, clientId, noticeType: 'first-demand', channel: 'letter', sentAt };
}

export function contactAttemptRecorded(accountId: string, clientId: string, occurredAt: string, rightPartyContact = true): ContactAttemptRecordedV1 {
  return {
    accountId,
    clientId,
    attemptId: `attempt-${occurredAt}`,
    collectorId: 'collector-1',
    channel: 'phone',
    direction: 'outbound',
    outcome: rightPartyContact ? 'right-party-contact' : 'no-answer',
    rightPartyContact,
    occurredAt,
  };
}

export function promiseToPayMade(accountId: string, clientId: string, promiseId: string, amount: number): PromiseToPayMadeV1 {
  return { accountId, clientId, promiseId, collectorId: 'collector-1', amount, currency: 'USD', dueDate: '2026-06-30', madeAt: '2026-06-04T15:00:00.000Z' };
}

export function legalStageChanged(accountId: string, clientId: string, stage: LegalStageChangedV2['stage'], balance: number, attorneyId?: string, changedAt = '2026-07-15T09:00:00.000Z'): LegalStageChangedV2 {
  return { accountId, clientId, stage, balance, currency: 'USD', ...(attorneyId ? { attorneyId } : {}), changedAt };
}

export function auditRecord(
  service: string,
  accountId: string,
  streamId: string,
  version: number,
  type: string,
  occurredAt: string,
  data: Record<string, unknown> = {},
): AuditRecordV1 {
  return {
    service,
    accountId,
    streamId,
    version,
    type,
    data,
    metadata: {
      eventId: `${streamId}@${version}`,
      principal: { role: 'collector', id: 'collector-1' },
      correlationId: `corr-${streamId}`,
      causationId: `cause-${streamId}-${version}`,
      occurredAt,
      previousHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    },
  };
}

/**
 * The same audit record, as stored by a service that acted on a message `cause`'s service
 * published: its causation is that message's id, `<cause's event id>:<contract type>`.
 */
export function causedBy(record: AuditRecordV1, cause: AuditRecordV1, contractType: string): AuditRecordV1 {
  return { ...record, metadata: { ...record.metadata, causationId: `${cause.metadata.eventId}:${contractType}` } };
}

/** An integration event as the inbound handlers hand it to the projections. */
export function projected<Data extends object>(contract: Contract<Data>, data: Data, sourceStream: string, version: number): ProjectedEvent {
  return { streamId: `${sourceStream}#${contract.type}`, version, type: contract.type, data: data as Record<string, unknown>, metadata: { sourceStream } };
}

/** What a projection makes of events, folded in order into one document. */
export function foldProjection<Doc extends object>(projection: Projection<Doc>, events: readonly ProjectedEvent[], id: string): Doc | null {
  return events
    .filter((event) => projection.handles.includes(event.type) && projection.documentIds(event).includes(id))
    .reduce<Doc | null>((document, event) => projection.evolve(document, event), null);
}

/** A pre-collection account converted to third-party at its window end. */
export function convertedToThirdParty(accountId: string, clientId: string, convertedAt = '2026-07-01T09:00:00.000Z', balance = 100_000): ConvertedToThirdPartyV1 {
  return {
    accountId,
    clientId,
    commercial: true,
    currency: 'USD',
    placedAmount: balance,
    balance,
    invoiceDueDates: ['2026-01-31'],
    debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY', taxId: null, addresses: [], phones: [], emails: [] },
    convertedAt,
  };
}
