/**
 * Journey 16: the statute of limitations across the services. North Carolina gives an
 * open account three years (N.C. Gen. Stat. § 1-52(1)).
 */
import { Deployment } from './deployment';
import { Answer, as, call, eventually, onboardClient, OnboardedClient } from './journeys';
import { advanceTo, clockNow } from './money.journey';

const ok = (answer: Answer) => (answer.status === 200 ? answer.body : undefined);
const DAY_MS = 86_400_000;
const NC_OPEN_ACCOUNT = 'N.C. Gen. Stat. § 1-52(1)';

const isoDate = (at: Date) => at.toISOString().slice(0, 10);
const plusDays = (date: string, days: number) => isoDate(new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS));
const plusYears = (date: string, years: number) => `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;

/** A North Carolina debtor's one invoice of 7,500.50, due on `dueDate`. */
async function placeInNorthCarolina(d: Deployment, client: OnboardedClient, reference: string, dueDate: string): Promise<string> {
  const placed = await call(d, 'client-intake', 'POST', '/placements', {
    as: as.client(client.apiKey),
    body: {
      clientReference: reference,
      commercial: true,
      claimType: 'open-account',
      debtor: { kind: 'company', legalName: 'Piedmont Fixtures Inc', country: 'US', region: 'NC' },
      invoices: [{ number: 'INV-NC-1', issueDate: plusDays(dueDate, -30), dueDate, originalAmount: 750_050, currency: 'USD' }],
    },
    idempotencyKey: `place-${reference}`,
  });
  expect(placed.status).toBe(201);
  return placed.body.accountId;
}

const limitationsOf = async (d: Deployment, accountId: string) => {
  const answer = await call(d, 'legal-referral', 'GET', `/accounts/${accountId}/statute-of-limitations`, { as: as.staff('legal') });
  expect(answer.status).toBe(200);
  return answer.body;
};

/**
 * A time-barred account is never recommended, authorized or forwarded: placed with an
 * invoice due four years ago, the client's authorization is ignored, the review refuses it
 * under `within-statute-of-limitations` (naming the date and the citation), forwarding is
 * refused, and intake closes it as time-barred. A second account whose period would run
 * out in 20 days goes into a bankruptcy stay: the clock stands still while the stay
 * lasts, so 30 days later, past the date it would have had, it is not barred (an account
 * placed alike without the stay is), and once the stay ends the creditor has the 30 days
 * after it that 11 U.S.C. § 108(c) gives. A third, alike, has its bankruptcy filing noticed
 * in debtor contact (a bankruptcy hold): legal referral tolls its clock from the filing day
 * without anyone recording a stay, and the dismissal (the hold lifted) ends the tolling.
 */
export async function journeyStatuteOfLimitations(d: Deployment, reference: string) {
  const client = await onboardClient(d, `Statute Journey ${reference}`);
  const today = isoDate(await clockNow(d, 'legal-referral'));

  // Time-barred: due four years ago, three years to sue.
  const dueLongAgo = plusYears(today, -4);
  const barredId = await placeInNorthCarolina(d, client, `${reference}-BARRED`, dueLongAgo);
  await eventually('the referral case', async () => ok(await call(d, 'legal-referral', 'GET', `/referrals/${barredId}`, { as: as.staff('legal') })));
  const barred = await limitationsOf(d, barredId);
  expect(barred).toMatchObject({ jurisdiction: 'US-NC', claimType: 'open-account', period: { years: 3, citation: NC_OPEN_ACCOUNT }, runsFrom: { kind: 'delinquency', on: dueLongAgo }, expiresOn: plusYears(dueLongAgo, 3), timeBarred: true });
  expect(barred.reason).toContain(NC_OPEN_ACCOUNT);

  const authorization = await call(d, 'client-intake', 'POST', `/accounts/${barredId}/legal-authorization`, { as: as.client(client.apiKey), body: { agreesToSuitFee: true, agreesToAdvanceCosts: true } });
  expect(authorization.status).toBe(200);
  const auditOf = async () => ok(await call(d, 'legal-referral', 'GET', `/audit/legal-referral/accounts/${barredId}`, { as: as.staff('compliance') }))?.streams?.[0]?.events?.map((e: { type: string }) => e.type) as string[] | undefined;
  await eventually('the authorization ignored', async () => ((await auditOf())?.includes('AuthorizationIgnored') ? true : undefined));

  const review = await call(d, 'legal-referral', 'POST', `/referrals/${barredId}/review`, { as: as.staff('legal') });
  expect(review.status).toBe(200);
  expect(review.body.stage).toBe('not-recommended');
  const solFailure = review.body.failedRules.find((f: { rule: string }) => f.rule === 'within-statute-of-limitations');
  expect(solFailure?.reason).toContain(plusYears(dueLongAgo, 3));
  const forwarding = await call(d, 'legal-referral', 'POST', `/referrals/${barredId}/forwarding`, { as: as.staff('legal'), body: {} });
  expect(forwarding.status).toBe(409);

  const closed = await eventually('intake to close the account as time-barred', async () => {
    const account = ok(await call(d, 'client-intake', 'GET', `/accounts/${barredId}`, { as: as.client(client.apiKey) }));
    return account?.status === 'closed' ? account : undefined;
  });
  expect(closed.closingCode).toBe('time-barred');
  await eventually('the referral case closed', async () => {
    const referral = ok(await call(d, 'legal-referral', 'GET', `/referrals/${barredId}`, { as: as.staff('legal') }));
    return referral?.stage === 'closed' ? referral : undefined;
  });
  const again = await call(d, 'client-intake', 'POST', `/accounts/${barredId}/legal-authorization`, { as: as.client(client.apiKey), body: { agreesToSuitFee: true, agreesToAdvanceCosts: true } });
  expect(again.status).toBe(409);
  const history = (await auditOf())!;
  expect(history).toContain('StatuteOfLimitationsRanOut');
  expect(history.filter((type) => ['ReferralRecommended', 'RecommendationApproved', 'ReferralAuthorized', 'ForwardedToAttorney'].includes(type))).toEqual([]);

  // Tolled: the period runs out in 20 days; a bankruptcy stay starts today.
  const dueSoonBarred = plusDays(plusYears(today, -3), 20);
  const expiresWithoutStay = plusYears(dueSoonBarred, 3);
  const stayedId = await placeInNorthCarolina(d, client, `${reference}-STAYED`, dueSoonBarred);
  const unstayedId = await placeInNorthCarolina(d, client, `${reference}-UNSTAYED`, dueSoonBarred);
  const filedId = await placeInNorthCarolina(d, client, `${reference}-FILED`, dueSoonBarred);
  for (const accountId of [stayedId, unstayedId, filedId]) await eventually('the referral case', async () => ok(await call(d, 'legal-referral', 'GET', `/referrals/${accountId}`, { as: as.staff('legal') })));
  expect(await limitationsOf(d, stayedId)).toMatchObject({ expiresOn: expiresWithoutStay, timeBarred: false, tolledDays: 0 });

  const future = await call(d, 'legal-referral', 'POST', `/accounts/${stayedId}/statute-of-limitations/tollings`, { as: as.staff('legal'), body: { reason: 'bankruptcy-stay', startsOn: plusDays(today, 1) } });
  expect(future.status).toBe(422);
  expect(future.body.rule).toBe('tolling-in-future');
  const stay = await call(d, 'legal-referral', 'POST', `/accounts/${stayedId}/statute-of-limitations/tollings`, {
    as: as.staff('legal'),
    body: { reason: 'bankruptcy-stay', startsOn: today, note: `Chapter 11, Bankr. M.D.N.C. ${reference}` },
    idempotencyKey: `stay-${reference}`,
  });
  expect(stay.status).toBe(201);
  expect(stay.body).toMatchObject({ expiresOn: null, timeBarred: false, tolledSince: { reason: 'bankruptcy-stay', startsOn: today, endsOn: null } });
  const tollingId: string = stay.body.tolledSince.tollingId;

  // A bankruptcy filing noticed by debtor contact tolls the clock by itself: its hold is the automatic stay.
  const filing = await eventually('the bankruptcy hold placed in debtor contact', async () => {
    const answer = await call(d, 'debtor-contact', 'POST', `/cases/${filedId}/holds`, {
      as: as.staff('legal'),
      body: { kind: 'bankruptcy', reason: 'notice of chapter 11 filing received', bankruptcy: { chapter: 11, caseNumber: `1:26-bk-${reference}`, filedOn: today } },
      idempotencyKey: `filed-${reference}`,
    });
    return answer.status === 201 ? answer.body : undefined;
  });
  const filedTolling = await eventually('the filing to toll the clock in legal referral', async () => {
    const limitations = await limitationsOf(d, filedId);
    return limitations.tolledSince ? limitations : undefined;
  });
  expect(filedTolling).toMatchObject({ expiresOn: null, timeBarred: false, tolledSince: { tollingId: filing.holdId, reason: 'bankruptcy-stay', startsOn: today, endsOn: null } });

  // Thirty days on, ten days past the date it would have had.
  const later = isoDate(await advanceTo(d, new Date((await clockNow(d, 'legal-referral')).getTime() + 30 * DAY_MS)));
  expect(later > expiresWithoutStay).toBe(true);
  expect(await limitationsOf(d, unstayedId)).toMatchObject({ expiresOn: expiresWithoutStay, timeBarred: true });
  expect(await limitationsOf(d, stayedId)).toMatchObject({ expiresOn: null, timeBarred: false });
  expect(await limitationsOf(d, filedId)).toMatchObject({ expiresOn: null, timeBarred: false });
  const stayedReview = await call(d, 'legal-referral', 'POST', `/referrals/${stayedId}/review`, { as: as.staff('legal') });
  expect(stayedReview.status).toBe(200);
  expect(stayedReview.body.failedRules.map((f: { rule: string }) => f.rule)).not.toContain('within-statute-of-limitations');
  const unstayedReview = await call(d, 'legal-referral', 'POST', `/referrals/${unstayedId}/review`, { as: as.staff('legal') });
  expect(unstayedReview.body.failedRules.map((f: { rule: string }) => f.rule)).toContain('within-statute-of-limitations');

  // The stay lifts today: 30 days tolled, and never less than 30 days to sue after it.
  const lifted = await call(d, 'legal-referral', 'POST', `/accounts/${stayedId}/statute-of-limitations/tollings/${tollingId}/end`, { as: as.staff('legal'), body: { endsOn: later } });
  expect(lifted.status).toBe(200);
  const tolledDays = Math.round((Date.parse(later) - Date.parse(today)) / DAY_MS);
  const expected = [plusDays(expiresWithoutStay, tolledDays), plusDays(later, 30)].sort().at(-1);
  expect(lifted.body).toMatchObject({ tolledDays, tolledSince: null, expiresOn: expected, timeBarred: false, tollings: [{ tollingId, reason: 'bankruptcy-stay', startsOn: today, endsOn: later }] });
  expect(lifted.body.reason).toContain(`plus ${tolledDays} days tolled`);

  // The bankruptcy case is dismissed: debtor contact lifts the hold, and the tolling ends that day.
  const dismissed = await call(d, 'debtor-contact', 'POST', `/cases/${filedId}/holds/${filing.holdId}/lift`, { as: as.staff('legal'), body: { reason: 'bankruptcy case dismissed' } });
  expect(dismissed.status).toBe(200);
  const resumed = await eventually('the tolling ended in legal referral', async () => {
    const limitations = await limitationsOf(d, filedId);
    return limitations.tolledSince === null ? limitations : undefined;
  });
  expect(resumed).toMatchObject({ tolledDays, expiresOn: expected, timeBarred: false, tollings: [{ tollingId: filing.holdId, reason: 'bankruptcy-stay', startsOn: today, endsOn: later }] });
}
