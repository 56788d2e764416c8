/**
 * Where a panel attorney may be admitted: the US states, the District of Columbia and the
 * territories, as ISO 3166-2 subdivisions of `US` (the form the debtor's jurisdiction takes).
 */
export const US_JURISDICTIONS = [
  'US-AL', 'US-AK', 'US-AZ', 'US-AR', 'US-CA', 'US-CO', 'US-CT', 'US-DE', 'US-FL', 'US-GA',
  'US-HI', 'US-ID', 'US-IL', 'US-IN', 'US-IA', 'US-KS', 'US-KY', 'US-LA', 'US-ME', 'US-MD',
  'US-MA', 'US-MI', 'US-MN', 'US-MS', 'US-MO', 'US-MT', 'US-NE', 'US-NV', 'US-NH', 'US-NJ',
  'US-NM', 'US-NY', 'US-NC', 'US-ND', 'US-OH', 'US-OK', 'US-OR', 'US-PA', 'US-RI', 'US-SC',
  'US-SD', 'US-TN', 'US-TX', 'US-UT', 'US-VT', 'US-VA', 'US-WA', 'US-WV', 'US-WI', 'US-WY',
  'US-DC', 'US-PR', 'US-GU', 'US-VI', 'US-AS', 'US-MP',
] as const;
export type UsJurisdiction = (typeof US_JURISDICTIONS)[number];
