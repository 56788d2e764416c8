import { randomUUID } from 'node:crypto';
import { TestClock } from '@lib/clock';
import { AccountPlacedV2, AccountTimeBarredV1, ClaimTypeV2, Contract, LEGAL_REFERRALS, LegalReferralAuthorized, PaymentPostedV2 } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { HttpClient, ServiceUnderTest, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { LegalReferralModule } from './legal-referral.module';

const DAY_MS = 86_400_000;

describe('the statute of limitations in legal referral (PGlite event store, test clock)', () => {
  let store: PgliteEventStore;
  let bus: MessageBus;
  let clock: TestClock;
  let deps: ServiceUnderTest['deps'];
  let http: HttpClient;
  let published: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({
      name: 'legal-referral',
      clockStart: '2026-03-02T14:00:00.000Z',
      module: (dependencies) => LegalReferralModule.register(dependencies),
      listenTo: [LEGAL_REFERRALS],
    });
    ({ store, bus, clock, deps, http, close } = sut);
    published = sut.received(LEGAL_REFERRALS);
  });
  afterAll(() => close());

  it('never forwards an account whose Kansas open-account period (3 years) ran out after the client authorized suit', async () => {
    // Due 3 years and 49 days before placement: the period ends on day 49, after the day-45 review.
    const accountId = await place({ region: 'KS', claimType: 'open-account', oldestDueDate: dayOf(-3 * 365 - 1 + 49) });
    const sol = await statuteOf(accountId);
    expect(sol).toMatchObject({ jurisdiction: 'US-KS', claimType: 'open-account', period: { years: 3, citation: 'Kan. Stat. Ann. § 60-512(1)' }, runsFrom: { kind: 'delinquency' }, timeBarred: false });
    const expiresOn: string = sol.expiresOn;

    await advanceAndTick({ days: 45 });
    expect(await referral(accountId)).toMatchObject({ stage: 'pending-approval', failedRules: [] });
    await http.post(`/referrals/${accountId}/approval`).set('authorization', staff('supervisor')).expect(200);
    await publish(LegalReferralAuthorized, accountId, { accountId, clientId: 'client-1', authorizedAt: clock.now().toISOString(), agreesToSuitFee: true, agreesToAdvanceCosts: true });
    await waitUntil('the authorization to take effect', async () => (await referral(accountId)).stage === 'authorized');

    await advanceAndTick({ days: 5 });
    expect(clock.now().toISOString().slice(0, 10) >= expiresOn).toBe(true);
    expect(await statuteOf(accountId)).toMatchObject({ timeBarred: true, expiresOn, reason: expect.stringContaining(`barred from ${expiresOn}`) });
    const before = await typesIn(accountId);
    const refused = await http.post(`/referrals/${accountId}/forwarding`).set('authorization', staff('legal')).send({ attorneyId: await kansasAttorney() }).expect(409);
    expect(refused.body).toMatchObject({ rule: 'within-statute-of-limitations', detail: expect.stringContaining('Kan. Stat. Ann. § 60-512(1)') });
    expect(await typesIn(accountId)).toEqual(before);
    expect(before).not.toContain('ForwardedToAttorney');
  });

  it('records at review that a barred account ran out and publishes AccountTimeBarred.v1 for intake to close it', async () => {
    const accountId = await place({ region: 'TX', claimType: 'open-account', oldestDueDate: dayOf(-5 * 365) });
    await http.post(`/referrals/${accountId}/review`).set('authorization', staff('supervisor')).expect(200);
    const message = await timeBarredMessage(accountId);
    expect(message).toMatchObject({ accountId, clientId: 'client-1', jurisdiction: 'US-TX', claimType: 'open-account', citation: 'Tex. Civ. Prac. & Rem. Code § 16.004(c)' });
    expect(await referral(accountId)).toMatchObject({ stage: 'not-recommended', failedRules: expect.arrayContaining([expect.objectContaining({ rule: 'within-statute-of-limitations' })]) });

    await publish(LegalReferralAuthorized, accountId, { accountId, clientId: 'client-1', authorizedAt: clock.now().toISOString(), agreesToSuitFee: true, agreesToAdvanceCosts: true });
    await waitUntil('the authorization to be ignored', async () => (await typesIn(accountId)).includes('AuthorizationIgnored'));
    await http.post(`/referrals/${accountId}/forwarding`).set('authorization', staff('legal')).send({}).expect(409);
    expect(await typesIn(accountId)).not.toContain('ForwardedToAttorney');
  });

  it('holds the clock still while a bankruptcy stay stands: the account a stay protects is not barred when its twin is', async () => {
    // Both periods (Kansas open account) would end on day 10 after placement.
    const oldestDueDate = dayOf(-3 * 365 - 1 + 10);
    const stayed = await place({ region: 'KS', claimType: 'open-account', oldestDueDate });
    const unstayed = await place({ region: 'KS', claimType: 'open-account', oldestDueDate });
    const unprotected = await statuteOf(unstayed);

    await advanceAndTick({ days: 2 });
    const filedOn = today();
    const tolled = await http
      .post(`/accounts/${stayed}/statute-of-limitations/tollings`)
      .set('authorization', staff('legal'))
      .send({ reason: 'bankruptcy-stay', startsOn: filedOn, note: 'Chapter 11, Bankr. D. Kan.' })
      .expect(201);
    expect(tolled.body).toMatchObject({ expiresOn: null, timeBarred: false, tolledSince: { reason: 'bankruptcy-stay', startsOn: filedOn, endsOn: null }, reason: expect.stringContaining(`stands still since ${filedOn}`) });
    const tollingId: string = tolled.body.tollings[0].tollingId;
    expect(await typesIn(stayed)).toContain('SolTolled');

    await advanceAndTick({ days: 43 });
    await waitUntil('both day-45 reviews to run', async () => (await referral(stayed)).reviewedAt !== null && (await referral(unstayed)).reviewedAt !== null);
    expect((await referral(stayed)).failedRules.map((f: { rule: string }) => f.rule)).not.toContain('within-statute-of-limitations');
    expect((await referral(unstayed)).failedRules.map((f: { rule: string }) => f.rule)).toContain('within-statute-of-limitations');
    expect(await timeBarredMessage(unstayed)).toMatchObject({ expiredOn: unprotected.expiresOn });
    expect(published.some((m) => m.key === stayed && m.headers['message-type'] === 'AccountTimeBarred.v1')).toBe(false);

    // The stay lifts on day 45: 43 days were tolled, and 11 U.S.C. § 108(c) leaves 30 days after it at least.
    const liftedOn = today();
    const ended = await http.post(`/accounts/${stayed}/statute-of-limitations/tollings/${tollingId}/end`).set('authorization', staff('supervisor')).send({ endsOn: liftedOn }).expect(200);
    expect(ended.body).toMatchObject({ tolledDays: 43, tolledSince: null, expiresOn: plusDays(liftedOn, 30), timeBarred: false, tollings: [{ tollingId, endsOn: liftedOn }] });
    await http.post(`/accounts/${stayed}/statute-of-limitations/tollings/${tollingId}/end`).set('authorization', staff('legal')).send({ endsOn: dayOf(-1) }).expect(409);
    await http.post(`/accounts/${stayed}/statute-of-limitations/tollings/${randomUUID()}/end`).set('authorization', staff('legal')).send({ endsOn: liftedOn }).expect(404);
  });

  it('restarts a Kansas period on a payment heard from payments, and a Texas one only on a written acknowledgement', async () => {
    const kansas = await place({ region: 'KS', claimType: 'written-contract', oldestDueDate: dayOf(-400) });
    await publish(PaymentPostedV2, kansas, payment(kansas, 50_000, 700_050));
    await waitUntil('the payment to restart the Kansas clock', async () => (await statuteOf(kansas)).runsFrom.kind === 'payment');
    expect(await statuteOf(kansas)).toMatchObject({ runsFrom: { kind: 'payment', on: today() }, expiresOn: plusYears(today(), 5) });

    const texas = await place({ region: 'TX', claimType: 'open-account', oldestDueDate: dayOf(-400) });
    await publish(PaymentPostedV2, texas, payment(texas, 50_000, 700_050));
    await waitUntil('the Texas payment to be noted', async () => (await referral(texas)).lastPayment !== null);
    expect(await statuteOf(texas)).toMatchObject({ runsFrom: { kind: 'delinquency' }, revival: { byPayment: false, citation: 'Tex. Civ. Prac. & Rem. Code § 16.065' } });

    const acknowledged = await http
      .post(`/accounts/${texas}/statute-of-limitations/acknowledgements`)
      .set('authorization', staff('legal'))
      .send({ acknowledgedOn: today(), description: 'Letter signed by the owner confirming INV-1' })
      .expect(201);
    expect(acknowledged.body).toMatchObject({ runsFrom: { kind: 'written-acknowledgement', on: today() }, expiresOn: plusYears(today(), 4), acknowledgements: [{ acknowledgedOn: today() }] });

    await http.post(`/accounts/${texas}/statute-of-limitations/acknowledgements`).set('authorization', staff('legal')).send({ acknowledgedOn: plusDays(today(), 1), description: 'x' }).expect(422);
    const invalid = await http.post(`/accounts/${texas}/statute-of-limitations/tollings`).set('authorization', staff('legal')).send({ reason: 'holiday', startsOn: '2026-02-30' }).expect(400);
    expect(invalid.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['reason', 'startsOn']);
    await http.get(`/accounts/${randomUUID()}/statute-of-limitations`).set('authorization', staff('compliance')).expect(404);
    await http.get(`/accounts/${texas}/statute-of-limitations`).set('authorization', staff('collector')).expect(403);
  });

  // --- helpers -------------------------------------------------------------

  /** A panel attorney for Kansas and Texas with room for every case of this file. */
  let panelAttorney: string | undefined;
  async function kansasAttorney(): Promise<string> {
    if (panelAttorney) return panelAttorney;
    const terms = { firm: 'Flint Hills Law LLC', jurisdictions: ['US-KS', 'US-TX'], currency: 'USD', suitFee: 25_000, contingencyBp: 2_500, capacity: 20 };
    panelAttorney = (await http.post('/attorneys').set('authorization', staff('admin')).send(terms).expect(201)).body.attorneyId as string;
    return panelAttorney;
  }

  /** A placed commercial account of 7,500.50 in the given state, its oldest invoice due on `oldestDueDate`. */
  async function place({ region, claimType, oldestDueDate }: { region: string; claimType: ClaimTypeV2; oldestDueDate: string }): Promise<string> {
    const accountId = randomUUID();
    const placement: AccountPlacedV2 = {
      accountId,
      clientId: 'client-1',
      clientReference: `REF-${accountId.slice(0, 8)}`,
      commercial: true,
      category: 'standard',
      debtor: { kind: 'company', legalName: 'Prairie Supply Co', country: 'US', region, taxId: null, addresses: [], phones: [], emails: [] },
      invoices: [{ number: 'INV-1', issueDate: oldestDueDate, dueDate: oldestDueDate, originalAmount: 750_050, currency: 'USD' }],
      currency: 'USD',
      placedAmount: 750_050,
      buckets: { principal: 750_050, interest: 0, fees: 0, costs: 0 },
      commissionRateBp: 2_500,
      placedAt: clock.now().toISOString(),
      claimType,
    };
    await publish(AccountPlacedV2, accountId, placement);
    await waitUntil(`the case of ${accountId} to open`, async () => (await http.get(`/referrals/${accountId}`).set('authorization', staff('legal'))).status === 200);
    return accountId;
  }

  function payment(accountId: string, amount: number, balanceAfter: number): PaymentPostedV2 {
    return {
      accountId,
      clientId: 'client-1',
      paymentId: randomUUID(),
      amount,
      currency: 'USD',
      allocations: [{ invoiceNumber: 'INV-1', amount }],
      commission: amount / 4,
      commissionRateBp: 2_500,
      credit: 0,
      balanceAfter,
      method: 'check',
      postedAt: clock.now().toISOString(),
    };
  }

  async function publish<Data>(contract: Contract<Data>, accountId: string, data: Data): Promise<void> {
    const messageId = randomUUID();
    await bus.publish([
      {
        topic: contract.topic,
        key: accountId,
        value: data,
        headers: { 'message-type': contract.type, 'message-id': messageId, 'correlation-id': `corr-${messageId}`, 'causation-id': messageId, 'source-stream': `account-${accountId}`, 'source-version': '0' },
      },
    ]);
  }

  async function advanceAndTick(by: { days?: number; hours?: number }): Promise<void> {
    clock.advance(by);
    for (const scheduler of deps.clockControl.schedulers) {
      await scheduler.tick();
      await scheduler.tick();
    }
  }

  async function referral(accountId: string) {
    return (await http.get(`/referrals/${accountId}`).set('authorization', staff('legal')).expect(200)).body;
  }

  async function statuteOf(accountId: string) {
    return (await http.get(`/accounts/${accountId}/statute-of-limitations`).set('authorization', staff('compliance')).expect(200)).body;
  }

  async function typesIn(accountId: string): Promise<string[]> {
    return (await store.readStream(`referral-${accountId}`)).map((e) => e.type);
  }

  async function timeBarredMessage(accountId: string): Promise<AccountTimeBarredV1> {
    const find = () => published.find((m) => m.key === accountId && m.headers['message-type'] === 'AccountTimeBarred.v1');
    await waitFor(`AccountTimeBarred for ${accountId}`, () => find() !== undefined, { timeoutMs: 5000 });
    return find()!.value as AccountTimeBarredV1;
  }

  const today = () => clock.now().toISOString().slice(0, 10);
  /** The day `days` from the clock's today. */
  const dayOf = (days: number) => new Date(clock.now().getTime() + days * DAY_MS).toISOString().slice(0, 10);
});


function plusDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function plusYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

async function waitUntil(description: string, probe: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  let holds = false;
  let polling: Promise<void> | undefined;
  await waitFor(
    description,
    () => {
      polling ??= probe()
        .then((result) => void (holds = result))
        .catch(() => void (holds = false))
        .finally(() => (polling = undefined));
      return holds;
    },
    { timeoutMs },
  );
}
