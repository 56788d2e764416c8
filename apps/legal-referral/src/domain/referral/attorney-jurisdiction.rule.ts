import { fail, pass, Verdict } from '../criteria/legal-criterion';
import type { ReferralCase } from './referral.state';

export const ATTORNEY_JURISDICTION_MISMATCH = 'attorney-jurisdiction-mismatch';

/**
 * The debtor's jurisdiction in the form attorneys are filed under (`US-NY`, or `GB` without
 * a region). Intake keeps the region as the client typed it, so `NY`, `ny` and `US-NY` all
 * have to come out as the same subdivision.
 */
export function debtorJurisdiction(country: string, region: string | null): string {
  const countryCode = country.trim().toUpperCase();
  let subdivision = (region ?? '').trim().toUpperCase();
  if (subdivision.startsWith(`${countryCode}-`)) subdivision = subdivision.slice(countryCode.length + 1);
  return subdivision ? `${countryCode}-${subdivision}` : countryCode;
}

/**
 * docs/domain.md (The life of an account): the receiving attorney comes from the panel for the debtor's jurisdiction; suit is
 * filed where the debtor is. The match is exact: an attorney filed under the whole country
 * (`US`) is not taken for a debtor whose state is known, since admission to the bar is per
 * state, and a debtor whose region is unknown or not an ISO subdivision matches no state.
 */
export function attorneyJurisdictionVerdict(attorneyJurisdiction: string, referral: ReferralCase): Verdict {
  const debtor = debtorJurisdiction(referral.debtorCountry, referral.debtorRegion);
  const attorney = attorneyJurisdiction.trim().toUpperCase();
  if (attorney === debtor) return pass();
  return fail(`the attorney is for ${attorney}, the debtor is in ${debtor}: forward to an attorney of the panel for ${debtor}`);
}

/** A panel attorney takes the case only if the debtor's jurisdiction is one it covers (compared as `attorneyJurisdictionVerdict` does). */
export function panelAttorneyCoverage(jurisdictions: readonly string[], referral: ReferralCase): Verdict {
  const debtor = debtorJurisdiction(referral.debtorCountry, referral.debtorRegion);
  if (jurisdictions.some((covered) => covered.trim().toUpperCase() === debtor)) return pass();
  return fail(`the attorney covers ${jurisdictions.join(', ')}, the debtor is in ${debtor}: forward to an attorney of the panel for ${debtor}`);
}
