const DAY_MS = 86_400_000;
/** The default commercial cadence (docs/domain.md, The life of an account): legal review on day 45 after placement. */
export const LEGAL_REVIEW_AFTER_DAYS = 45;

/** The day-45 rule: a review falls due 45 days after the case (re)opened. */
export const reviewDueAfter = (openedAt: string): string => new Date(new Date(openedAt).getTime() + LEGAL_REVIEW_AFTER_DAYS * DAY_MS).toISOString();
