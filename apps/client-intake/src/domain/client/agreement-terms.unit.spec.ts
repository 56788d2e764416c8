import { displayTerms, parseAgreementTerms } from './agreement-terms';
import { agreementRequest } from './client.fixtures';

describe('reading an agreement an admin wrote', () => {
  it('turns money in major units of the currency into minor units', () => {
    const { terms, problems } = parseAgreementTerms(agreementRequest());
    expect(problems).toEqual([]);
    expect(terms?.ratePlan.collectedThresholds).toEqual([{ upTo: 30_000, rateBp: 5_000 }]);
    expect(terms?.ratePlan.tiers[2]).toEqual({ tierId: 'large', minPlacedAmount: 5_000_000, rateBp: 2_000 });
    expect([terms?.ratePlan.minimumFee, terms?.ratePlan.maximumFee, terms?.legalReferral.minimumBalance, terms?.cancellationFee.flat]).toEqual([1_000, 2_000_000, 500_000, 2_500]);
  });

  it('reads whether the legal rate ends when the attorney closes its file: absent, it stays; anything but true or false is refused', () => {
    expect(parseAgreementTerms(agreementRequest()).terms?.legalReferral).toEqual({ authority: 'client-approval', minimumBalance: 500_000 });
    const ends = parseAgreementTerms(agreementRequest({ legalReferral: { authority: 'client-approval', minimumBalance: '5000.00', legalRateEndsOnClose: true } }));
    expect(ends.terms?.legalReferral).toEqual({ authority: 'client-approval', minimumBalance: 500_000, legalRateEndsOnClose: true });
    expect(displayTerms(ends.terms!).legalReferral).toEqual({ authority: 'client-approval', minimumBalance: '5000.00', legalRateEndsOnClose: true });
    const stays = parseAgreementTerms(agreementRequest({ legalReferral: { authority: 'client-approval', minimumBalance: '5000.00', legalRateEndsOnClose: false } }));
    expect(stays.terms?.legalReferral).toEqual({ authority: 'client-approval', minimumBalance: 500_000 });
    const wrong = parseAgreementTerms(agreementRequest({ legalReferral: { authority: 'client-approval', minimumBalance: '5000.00', legalRateEndsOnClose: 'yes' } }));
    expect(wrong.problems).toEqual([{ field: 'legalReferral.legalRateEndsOnClose', reason: 'must be true or false' }]);
  });

  it('reads thresholds per currency: JPY has no decimals, BHD has three', () => {
    const jpy = parseAgreementTerms(agreementRequest({ currency: 'JPY', legalReferral: { authority: 'pre-authorized', minimumBalance: '500000' } }));
    expect(jpy.problems.map((p) => p.field)).toEqual(['ratePlan.minimumFee', 'ratePlan.maximumFee', 'ratePlan.tiers.2.minPlacedAmount', 'ratePlan.collectedThresholds.0.upTo', 'costAdvance.approvalAbove', 'cancellationFee.flat']);
    expect(jpy.problems[0].reason).toMatch(/JPY has no minor unit/);
    const bhd = parseAgreementTerms(agreementRequest({ currency: 'BHD', ratePlan: { planId: 'b', baseRateBp: 2_000, legalRateBp: 3_000, collectedThresholds: [{ upTo: '300.125', rateBp: 5_000 }, { upTo: '400.1255', rateBp: 4_000 }] } }));
    expect(bhd.problems).toEqual([{ field: 'ratePlan.collectedThresholds.1.upTo', reason: 'BHD has 3 decimals: at most 3 after the point' }]);
  });

  it('lists every problem at once, field by field', () => {
    const { terms, problems } = parseAgreementTerms({
      currency: 'usd',
      ratePlan: { planId: '', baseRateBp: 12_000, legalRateBp: -1, tiers: [{ tierId: 'a', rateBp: 100, minAgeDays: 400, maxAgeDays: 100 }, { tierId: 'a', rateBp: 100, category: 'gold' }], halfFeeCases: ['whim'] },
      remittance: 'sometimes',
      remittancePeriod: 'monthly',
      clearedFundsHoldDays: { ach: -1, card: 3, check: 10, wire: 0 },
      settlementAuthorityBp: 8_000,
      legalReferral: { authority: 'client-approval', minimumBalance: '5000.00' },
      costAdvance: { clientAdvancesCosts: 'yes', approvalAbove: '1' },
      cancellationFee: { flat: '0', rateOfBalanceBp: 0 },
      colour: 'blue',
    });
    expect(terms).toBeUndefined();
    expect(problems.map((p) => p.field)).toEqual([
      'colour',
      'currency',
      'ratePlan.planId',
      'ratePlan.baseRateBp',
      'ratePlan.legalRateBp',
      'ratePlan.tiers.0.maxAgeDays',
      'ratePlan.tiers.1.tierId',
      'ratePlan.tiers.1.category',
      'ratePlan.halfFeeCases.0',
      'remittance',
      'clearedFundsHoldDays.ach',
      'clearedFundsHoldDays.cash',
      'costAdvance.clientAdvancesCosts',
    ]);
  });

  it('refuses a minimum fee above the maximum, thresholds out of order and an unknown currency', () => {
    const plan = (agreementRequest().ratePlan as Record<string, unknown>);
    const { problems } = parseAgreementTerms(agreementRequest({ ratePlan: { ...plan, minimumFee: '100.00', maximumFee: '50.00', collectedThresholds: [{ upTo: '300.00', rateBp: 5_000 }, { upTo: '200.00', rateBp: 3_000 }] } }));
    expect(problems).toEqual([
      { field: 'ratePlan.minimumFee', reason: 'must not be above maximumFee' },
      { field: 'ratePlan.collectedThresholds.1.upTo', reason: 'must be above the previous threshold' },
    ]);
    expect(parseAgreementTerms(agreementRequest({ currency: 'XYZ' })).problems).toEqual([{ field: 'currency', reason: 'XYZ is not a currency whose minor units are known' }]);
    expect(parseAgreementTerms(agreementRequest({ effectiveFrom: '2026-07-01' })).problems).toEqual([{ field: 'effectiveFrom', reason: 'must be an ISO-8601 instant such as 2026-07-01T00:00:00Z' }]);
    expect(parseAgreementTerms('nope').problems[0]).toEqual({ field: '', reason: 'must be a JSON object' });
  });

  it('refuses reserved or repeated tier ids, empty amount ranges, zero thresholds and a half-fee case listed twice', () => {
    const plan = agreementRequest().ratePlan as Record<string, unknown>;
    const { problems } = parseAgreementTerms(
      agreementRequest({
        ratePlan: {
          ...plan,
          tiers: [{ tierId: 'base', rateBp: 100 }, { tierId: 'mid', minPlacedAmount: '500.00', maxPlacedAmount: '500.00', rateBp: 100 }, { tierId: 'mid', rateBp: 100 }],
          collectedThresholds: [{ upTo: '0.00', rateBp: 100 }],
          halfFeeCases: ['returned-merchandise', 'returned-merchandise'],
        },
      }),
    );
    expect(problems).toEqual([
      { field: 'ratePlan.tiers.0.tierId', reason: 'base is used twice or reserved (base, legal)' },
      { field: 'ratePlan.tiers.1.maxPlacedAmount', reason: 'must be above minPlacedAmount' },
      { field: 'ratePlan.tiers.2.tierId', reason: 'mid is used twice or reserved (base, legal)' },
      { field: 'ratePlan.collectedThresholds.0.upTo', reason: 'must be above zero' },
      { field: 'ratePlan.halfFeeCases.1', reason: 'returned-merchandise is listed twice' },
    ]);
  });

  it('shows the terms back in major units, exactly as entered', () => {
    const { terms } = parseAgreementTerms(agreementRequest());
    const { effectiveFrom: _, ...entered } = { ...agreementRequest(), effectiveFrom: undefined };
    expect(displayTerms(terms!)).toEqual(entered);
  });
});
