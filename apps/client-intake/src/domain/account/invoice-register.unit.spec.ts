import { given } from '@lib/es-core/testing/given-when-then';
import { ClaimInvoices, invoiceRegisterDecider, InvoicesClaimed, ReleaseInvoices, taxIdKey } from './invoice-register.decider';

const NOW = new Date('2026-06-01T09:00:00.000Z');
const claim = (accountId: string, invoiceNumbers: string[]): ClaimInvoices => ({ type: 'ClaimInvoices', clientId: 'client-1', taxId: '12-3456789', accountId, invoiceNumbers, now: NOW });
const release = (accountId: string, invoiceNumbers: string[]): ReleaseInvoices => ({ type: 'ReleaseInvoices', clientId: 'client-1', taxId: '12-3456789', accountId, invoiceNumbers, now: NOW });
const claimed = (accountId: string, invoiceNumbers: string[]): InvoicesClaimed => ({
  type: 'InvoicesClaimed',
  data: { clientId: 'client-1', taxId: '12-3456789', accountId, invoiceNumbers, claimedAt: NOW.toISOString() },
});

describe("the invoice register of a client's debtor", () => {
  it('claims the invoices of a first placement for its account', () => {
    given(invoiceRegisterDecider).when(claim('acc-1', ['INV-1', 'INV-2'])).then([claimed('acc-1', ['INV-1', 'INV-2'])]);
  });

  it('refuses an invoice already placed on another account as a likely duplicate, naming that account', () => {
    const { decision } = given(invoiceRegisterDecider, [claimed('acc-1', ['INV-1', 'INV-2'])]).when(claim('acc-2', ['INV-9', 'INV-2']));
    expect(decision).toEqual({
      kind: 'rejection',
      rule: 'placement-likely-duplicate',
      reason: 'invoice INV-2 of the debtor with tax id 12-3456789 was already placed by this client, on account acc-1',
      details: { existingAccountId: 'acc-1', duplicates: [{ invoiceNumber: 'INV-2', accountId: 'acc-1' }] },
    });
  });

  it('lets a retry of the same placement through, claiming only what its account does not hold yet', () => {
    given(invoiceRegisterDecider, [claimed('acc-1', ['INV-1'])]).when(claim('acc-1', ['INV-1'])).then([]);
    given(invoiceRegisterDecider, [claimed('acc-1', ['INV-1'])]).when(claim('acc-1', ['INV-1', 'INV-3'])).then([claimed('acc-1', ['INV-3'])]);
  });

  it('gives back the claims of a refused placement, and only its own, so the invoices can be placed again', () => {
    const history = [claimed('acc-1', ['INV-1']), claimed('acc-2', ['INV-2'])];
    const { decision } = given(invoiceRegisterDecider, history).when(release('acc-2', ['INV-1', 'INV-2']));
    expect(decision).toMatchObject([{ type: 'InvoicesReleased', data: { accountId: 'acc-2', invoiceNumbers: ['INV-2'] } }]);
    const released = { type: 'InvoicesReleased' as const, data: { clientId: 'client-1', taxId: '12-3456789', accountId: 'acc-2', invoiceNumbers: ['INV-2'], releasedAt: NOW.toISOString() } };
    given(invoiceRegisterDecider, [...history, released]).when(claim('acc-3', ['INV-2'])).then([claimed('acc-3', ['INV-2'])]);
    given(invoiceRegisterDecider, history).when(release('acc-9', ['INV-1'])).then([]);
  });

  it('reads a tax id the same with or without separators, spaces or case', () => {
    expect(taxIdKey(' 12-345.6789 ')).toBe(taxIdKey('123456789'));
    expect(taxIdKey('gb 123/456')).toBe('GB123456');
  });
});
