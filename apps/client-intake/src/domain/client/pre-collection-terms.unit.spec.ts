import { displayTerms, parseAgreementTerms } from './agreement-terms';
import { agreementRequest } from './client.fixtures';

describe('pre-collection terms of an agreement', () => {
  it('reads the window, the reminder days and the flat fee in minor units, and shows them back as entered', () => {
    const request = agreementRequest({ preCollection: { windowDays: 30, reminderDays: [0, 7, 14], flatFee: '15.00' } });
    const { terms, problems } = parseAgreementTerms(request);
    expect(problems).toEqual([]);
    expect(terms?.preCollection).toEqual({ windowDays: 30, reminderDays: [0, 7, 14], flatFee: 1_500 });
    expect(displayTerms(terms!).preCollection).toEqual({ windowDays: 30, reminderDays: [0, 7, 14], flatFee: '15.00' });
  });

  it('leaves them out when the agreement offers no pre-collection', () => {
    expect(parseAgreementTerms(agreementRequest()).terms).not.toHaveProperty('preCollection');
  });

  it('refuses reminder days outside the window or out of order, an empty list, a bad window and a fee finer than the currency', () => {
    const { problems } = parseAgreementTerms(agreementRequest({ currency: 'JPY', legalReferral: { authority: 'pre-authorized', minimumBalance: '500000' }, ratePlan: { planId: 'j', baseRateBp: 2_000, legalRateBp: 3_000 }, costAdvance: { clientAdvancesCosts: false, approvalAbove: '0' }, cancellationFee: { flat: '0', rateOfBalanceBp: 0 }, preCollection: { windowDays: 10, reminderDays: [3, 3, 12, -1], flatFee: '15.5', colour: 1 } }));
    expect(problems).toEqual([
      { field: 'preCollection.colour', reason: 'is not a field of an agreement' },
      { field: 'preCollection.reminderDays.1', reason: 'must be after the previous reminder day' },
      { field: 'preCollection.reminderDays.2', reason: 'must be inside the window: below windowDays (10)' },
      { field: 'preCollection.reminderDays.3', reason: 'must be a whole day from placement, 0 or more' },
      { field: 'preCollection.flatFee', reason: expect.stringMatching(/JPY has no minor unit/) },
    ]);
    expect(parseAgreementTerms(agreementRequest({ preCollection: { windowDays: 0, reminderDays: [], flatFee: '1.00' } })).problems.map((p) => p.field)).toEqual(['preCollection.windowDays', 'preCollection.reminderDays']);
  });
});
