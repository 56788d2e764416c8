import type { AccountPlacedV2 } from '@lib/contracts';

/** Monday 2026-01-05, 10:00 in New York: where the specs' test clock starts and their accounts are placed. */
export const MONDAY_10_NEW_YORK = '2026-01-05T15:00:00.000Z';

export const NY_COMPANY = { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY' };
export const NY_PERSON = { kind: 'person', legalName: 'Jane Doe', country: 'US', region: 'NY' };

/**
 * Intake's placement of an account of client-1 as debtor contact hears it: 7,500.50 USD
 * over two invoices (3,000.00 and 4,500.50), placed Monday morning, commercial when the
 * debtor is a company. `overrides` replace whole fields (e.g. one invoice).
 */
export function placedData(accountId: string, debtor: Partial<AccountPlacedV2['debtor']> = NY_COMPANY, overrides: Partial<AccountPlacedV2> = {}): AccountPlacedV2 {
  const full = { ...NY_COMPANY, taxId: null, addresses: [], phones: [], emails: [], ...debtor };
  return {
    accountId,
    clientId: 'client-1',
    clientReference: `REF-${accountId.slice(0, 8)}`,
    commercial: full.kind === 'company',
    category: 'standard',
    debtor: full,
    buckets: { principal: 750_050, interest: 0, fees: 0, costs: 0 },
    invoices: [
      { number: 'INV-1', issueDate: '2025-10-16', dueDate: '2025-11-15', originalAmount: 300_000, currency: 'USD' },
      { number: 'INV-2', issueDate: '2025-11-15', dueDate: '2025-12-15', originalAmount: 450_050, currency: 'USD' },
    ],
    currency: 'USD',
    placedAmount: 750_050,
    commissionRateBp: 2_500,
    placedAt: MONDAY_10_NEW_YORK,
    ...overrides,
  };
}
