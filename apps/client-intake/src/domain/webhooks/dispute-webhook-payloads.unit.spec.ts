import type { DisputeOpenedV1, DisputeResolvedV1 } from '@lib/contracts';
import { disputeOpenedWebhookData, disputeResolvedWebhookData, DOCUMENTS_REQUEST, NO_DOCUMENTS_REQUEST } from './dispute-webhook-payloads';

const opened = (overrides: Partial<DisputeOpenedV1> = {}): DisputeOpenedV1 => ({
  accountId: 'acc-1',
  clientId: 'client-1',
  disputeId: 'dsp-1',
  openedBy: 'debtor',
  invoices: [],
  amount: 120_000,
  currency: 'USD',
  reason: 'goods never delivered',
  openedAt: '2026-06-02T10:00:00.000Z',
  ...overrides,
});

const resolved = (overrides: Partial<DisputeResolvedV1> = {}): DisputeResolvedV1 => ({
  accountId: 'acc-1',
  clientId: 'client-1',
  disputeId: 'dsp-1',
  outcome: 'upheld',
  amount: 40_000,
  currency: 'USD',
  evidence: 'credit note CN-7',
  resolvedAt: '2026-06-09T10:00:00.000Z',
  ...overrides,
});

describe('the dispute webhooks a client is sent', () => {
  it('asks the client for documents when the debtor disputes the whole account', () => {
    expect(disputeOpenedWebhookData(opened())).toEqual({
      accountId: 'acc-1',
      clientId: 'client-1',
      disputeId: 'dsp-1',
      scope: 'account',
      invoices: [],
      amount: 120_000,
      currency: 'USD',
      reason: 'goods never delivered',
      openedBy: 'debtor',
      openedAt: '2026-06-02T10:00:00.000Z',
      documentsRequested: true,
      documentsRequest: DOCUMENTS_REQUEST,
    });
  });

  it('names the disputed invoices with their amounts when only they are disputed', () => {
    const data = disputeOpenedWebhookData(opened({ invoices: [{ invoiceNumber: 'INV-2', amount: 30_000 }, { invoiceNumber: 'INV-5', amount: 10_000 }], amount: 40_000 }));
    expect(data).toMatchObject({ scope: 'invoices', invoices: [{ invoiceNumber: 'INV-2', amount: 30_000 }, { invoiceNumber: 'INV-5', amount: 10_000 }], amount: 40_000, documentsRequested: true });
  });

  it('still tells a client of the dispute it opened itself, without asking it for documents', () => {
    const data = disputeOpenedWebhookData(opened({ openedBy: 'client', reason: 'credit note CN-7 was not applied' }));
    expect(data).toMatchObject({ openedBy: 'client', reason: 'credit note CN-7 was not applied', documentsRequested: false, documentsRequest: NO_DOCUMENTS_REQUEST });
  });

  it('carries what an upheld dispute takes off the balance', () => {
    expect(disputeResolvedWebhookData(resolved())).toEqual({
      accountId: 'acc-1',
      clientId: 'client-1',
      disputeId: 'dsp-1',
      outcome: 'upheld',
      adjustedAmount: 40_000,
      currency: 'USD',
      evidence: 'credit note CN-7',
      resolvedAt: '2026-06-09T10:00:00.000Z',
    });
  });

  it('adjusts nothing when the dispute was rejected, and says what showed the debt is owed', () => {
    expect(disputeResolvedWebhookData(resolved({ outcome: 'rejected', amount: 0, evidence: 'signed delivery note DN-3' }))).toMatchObject({ outcome: 'rejected', adjustedAmount: 0, evidence: 'signed delivery note DN-3' });
  });
});
