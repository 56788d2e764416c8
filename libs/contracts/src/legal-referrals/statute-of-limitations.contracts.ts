import { contract, DataOf } from '../contract';
import { CLAIM_TYPES } from '../intake-accounts/intake-accounts.contracts';
import { s } from '../schema';
import { LEGAL_REFERRALS } from './legal-referrals.contracts';

/**
 * Legal referral found the account past its statute of limitations (a review noticed it):
 * it can no longer be sued on. Intake closes the account `time-barred` unless something else
 * keeps it open (docs/client-intake.md, "Closing codes").
 */
export const AccountTimeBarred = contract({
  topic: LEGAL_REFERRALS,
  type: 'AccountTimeBarred.v1',
  summary: "The account is past its statute of limitations (the debtor's jurisdiction and the claim type); intake closes it as time-barred when nothing else keeps it open.",
  consumers: ['client-intake', 'debtor-contact'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    /** ISO 3166-2 style, e.g. `US-TX`. */
    jurisdiction: s.string(),
    claimType: s.enum(CLAIM_TYPES),
    /** The first day suit was barred. */
    expiredOn: s.date(),
    /** The statute section of the period, e.g. `Tex. Civ. Prac. & Rem. Code § 16.004(c)`. */
    citation: s.string(),
    /** Why, in words: the period, where it ran from, the days tolled. */
    reason: s.string(),
    noticedAt: s.instant(),
  }),
});
export type AccountTimeBarredV1 = DataOf<typeof AccountTimeBarred>;
