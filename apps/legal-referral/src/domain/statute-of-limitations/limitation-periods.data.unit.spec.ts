import { CLAIM_TYPES, ClaimType } from './limitation-period';
import { LIMITATION_PERIODS } from './limitation-periods.data';
import { limitationsJurisdiction, limitationsOf } from './statute-of-limitations';

const STATES = 'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(' ');
const DC_AND_TERRITORIES = ['DC', 'PR', 'GU', 'VI', 'AS', 'MP'];

const entryOf = (code: string, claimType: ClaimType) => {
  const entry = limitationsOf(`US-${code}`);
  if (!entry) throw new Error(`no entry for US-${code}`);
  return entry.periods[claimType];
};

describe('the statute-of-limitations table', () => {
  it('has one entry for each of the 50 states, DC and the five inhabited territories, and nothing else', () => {
    const expected = [...STATES, ...DC_AND_TERRITORIES].map((code) => `US-${code}`).sort();
    expect(LIMITATION_PERIODS.map((entry) => entry.jurisdiction).sort()).toEqual(expected);
  });

  it('gives every jurisdiction a period in whole years with a citation for each claim type, and a revival rule with its citation', () => {
    for (const entry of LIMITATION_PERIODS) {
      for (const claimType of CLAIM_TYPES) {
        const period = entry.periods[claimType];
        expect({ jurisdiction: entry.jurisdiction, claimType, years: Number.isInteger(period.years) && period.years >= 1 && period.years <= 20 }).toEqual({ jurisdiction: entry.jurisdiction, claimType, years: true });
        expect(period.citation.length).toBeGreaterThan(5);
      }
      expect(entry.revival.citation.length).toBeGreaterThan(5);
      expect(entry.revival.byPayment || entry.revival.byWrittenAcknowledgement).toBe(true);
    }
  });

  it('explains every entry it is not sure of', () => {
    const unexplained = LIMITATION_PERIODS.flatMap((entry) => CLAIM_TYPES.filter((c) => entry.periods[c].confidence === 'low' && !entry.periods[c].note).map((c) => `${entry.jurisdiction} ${c}`));
    expect(unexplained).toEqual([]);
  });

  it.each([
    ['CA', 4, 'Cal. Civ. Proc. Code § 337'],
    ['NY', 6, 'N.Y. C.P.L.R. § 213(2)'],
    ['TX', 4, 'Tex. Civ. Prac. & Rem. Code § 16.004(a)(3)'],
    ['IL', 10, '735 Ill. Comp. Stat. 5/13-206'],
    ['FL', 5, 'Fla. Stat. § 95.11(2)(b)'],
    ['LA', 10, 'La. Civ. Code art. 3499'],
  ])('written contract in %s: %i years under %s', (code, years, citation) => {
    expect(entryOf(code, 'written-contract')).toMatchObject({ years, citation });
  });

  it.each([
    ['GA', 4, 'Ga. Code Ann. § 9-3-25'],
    ['IL', 5, '735 Ill. Comp. Stat. 5/13-205'],
    ['WA', 3, 'Wash. Rev. Code § 4.16.080(3)'],
    ['AZ', 3, 'Ariz. Rev. Stat. § 12-543'],
    ['TX', 4, 'Tex. Civ. Prac. & Rem. Code § 16.004(c)'],
    ['LA', 3, 'La. Civ. Code art. 3494'],
  ])('open account in %s: %i years under %s', (code, years, citation) => {
    expect(entryOf(code, 'open-account')).toMatchObject({ years, citation });
  });

  it.each([
    ['CA', 4, 'Cal. Com. Code § 2725'],
    ['NY', 4, 'N.Y. U.C.C. Law § 2-725'],
    ['WI', 6, 'Wis. Stat. § 402.725'],
    ['OK', 5, 'Okla. Stat. tit. 12A, § 2-725'],
    ['TX', 4, 'Tex. Bus. & Com. Code § 2.725'],
    ['DC', 4, 'D.C. Code § 28:2-725'],
  ])('sale of goods (UCC 2-725) in %s: %i years under %s', (code, years, citation) => {
    expect(entryOf(code, 'sale-of-goods')).toMatchObject({ years, citation });
  });

  it.each([
    ['IL', 10, '735 Ill. Comp. Stat. 5/13-206'],
    ['CA', 4, 'Cal. Civ. Proc. Code § 337'],
    ['NJ', 6, 'N.J. Stat. Ann. § 12A:3-118'],
    ['LA', 5, 'La. Civ. Code art. 3498'],
    ['OH', 6, 'Ohio Rev. Code § 1303.16'],
  ])('promissory note in %s: %i years under %s', (code, years, citation) => {
    expect(entryOf(code, 'promissory-note')).toMatchObject({ years, citation });
  });

  it('revives a Texas debt only by a signed writing (Tex. Civ. Prac. & Rem. Code § 16.065), a Kansas one by payment too (Kan. Stat. Ann. § 60-520)', () => {
    expect(limitationsOf('US-TX')?.revival).toMatchObject({ byPayment: false, byWrittenAcknowledgement: true, citation: 'Tex. Civ. Prac. & Rem. Code § 16.065' });
    expect(limitationsOf('US-KS')?.revival).toMatchObject({ byPayment: true, byWrittenAcknowledgement: true, citation: 'Kan. Stat. Ann. § 60-520' });
  });

  it('finds the jurisdiction from the debtor as placed: a state code in any case, with or without its country prefix, and a territory by its own country code', () => {
    expect(limitationsJurisdiction('US', 'ny')).toBe('US-NY');
    expect(limitationsJurisdiction('us', 'US-CA')).toBe('US-CA');
    expect(limitationsJurisdiction('PR', null)).toBe('US-PR');
    expect(limitationsJurisdiction('GB', null)).toBe('GB');
  });
});
