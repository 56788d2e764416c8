import type { AccountPlacedV2, ConvertedToThirdPartyV1 } from '@lib/contracts';
import type { CommandContext } from '@lib/es-core';
import { OpenContactCase } from '../../application/open-contact-case/open-contact-case.command';
import { openContactCase } from './open-contact-case.consumer';
import { openConvertedContactCase } from './open-converted-contact-case.consumer';

const debtor = { kind: 'company', legalName: 'Acme Ltd', country: 'US', region: 'NY', taxId: '12-3456789', addresses: [], phones: [{ number: '+12125550100', consent: true, doNotContact: false }], emails: [] };
const placement: AccountPlacedV2 = {
  accountId: 'acc-1',
  clientId: 'client-1',
  clientReference: 'REF-1',
  commercial: true,
  category: 'standard',
  debtor,
  invoices: [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 500_000, currency: 'USD' }],
  currency: 'USD',
  placedAmount: 500_000,
  buckets: { principal: 500_000, interest: 0, fees: 0, costs: 0 },
  commissionRateBp: 2_500,
  placedAt: '2026-03-01T12:00:00.000Z',
};
const context = {} as CommandContext;

describe("debtor contact's third-party cadence and pre-collection", () => {
  it('opens no case (so sends no first notice) for a pre-collection placement', () => {
    const preCollection = { ...placement, service: 'pre-collection' as const, preCollection: { agreementVersion: 1, windowEndsAt: '2026-03-31T12:00:00.000Z', reminderDays: [0], flatFee: 1_500 } };
    expect(openContactCase.command!(preCollection, context, undefined as never)).toBeUndefined();
    expect(openContactCase.command!(placement, context, undefined as never)).toBeInstanceOf(OpenContactCase);
  });

  it('opens the case and queues the first notice, as a third-party placement would, when the account converts', () => {
    const converted: ConvertedToThirdPartyV1 = {
      accountId: 'acc-1',
      clientId: 'client-1',
      commercial: true,
      currency: 'USD',
      placedAmount: 500_000,
      balance: 400_000,
      invoiceDueDates: ['2026-01-31'],
      clientReference: placement.clientReference,
      invoices: placement.invoices,
      debtor,
      convertedAt: '2026-03-31T12:00:00.000Z',
    };
    const fromConversion = openConvertedContactCase.command!(converted, context, undefined as never) as OpenContactCase;
    const fromPlacement = openContactCase.command!(placement, context, undefined as never) as OpenContactCase;
    expect(fromConversion.contactCase).toEqual(fromPlacement.contactCase);
  });
});
