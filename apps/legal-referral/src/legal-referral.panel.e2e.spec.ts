import { randomUUID } from 'node:crypto';
import { TestClock } from '@lib/clock';
import { AccountClosed, AccountPlacedV1, AccountReopened, Contract, LEGAL_REFERRALS, LegalReferralAuthorized, LegalStageChangedV2 } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { fixedClientKeys, HttpClient, ServiceUnderTest, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { LegalReferralModule } from './legal-referral.module';

/**
 * The legal side from review to collection, over HTTP and the bus: the scheduled review,
 * the supervisor's approval, the client's authorization (as intake publishes it), the
 * forwarding to a panel attorney, and the attorney's milestones reported with its own key.
 */
describe('legal referral: supervisor approval, the attorney panel and the suit to collection', () => {
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
      extraImports: [fixedClientKeys({ 'client-key-of-client-1': 'client-1' })],
      listenTo: [LEGAL_REFERRALS],
    });
    ({ store, bus, clock, deps, http, close } = sut);
    published = sut.received(LEGAL_REFERRALS);
  });
  afterAll(() => close());

  it('takes an account from review through approval, authorization and a panel attorney to suit, judgment and collection; other attorneys reach nothing', async () => {
    const hudson = await addAttorney({ firm: 'Hudson & Rowe LLP', jurisdictions: ['US-NY', 'US-NJ'], currency: 'USD', suitFee: 25_000, contingencyBp: 2_500, capacity: 3 });
    const coastal = await addAttorney({ firm: 'Coastal Collections Law', jurisdictions: ['US-CA'], currency: 'USD', suitFee: 30_000, contingencyBp: 3_000, capacity: 3 });
    const hudsonKey = await keyOf(hudson);
    const coastalKey = await keyOf(coastal);

    const accountId = randomUUID();
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    await waitUntil('the case to open', async () => (await http.get(`/referrals/${accountId}`).set('authorization', staff('legal'))).status === 200);

    // Day 45: the review recommends, and the recommendation waits for a supervisor.
    await advanceAndTick({ days: 45 });
    expect(await referral(accountId)).toMatchObject({ stage: 'pending-approval', criteria: expect.arrayContaining([{ rule: 'within-statute-of-limitations', version: 1 }]), approval: null });
    expect(await stageMessage(accountId, 'pending-approval')).toMatchObject({ balance: 750_050 });

    // The client cannot authorize yet: its authorization is recorded as ignored.
    await publish(LegalReferralAuthorized, accountId, authorization(accountId));
    await waitUntil('the early authorization to be ignored', async () => (await typesIn(accountId)).includes('AuthorizationIgnored'));
    expect((await referral(accountId)).stage).toBe('pending-approval');

    await http.post(`/referrals/${accountId}/approval`).set('authorization', staff('legal')).expect(403);
    const approved = await http.post(`/referrals/${accountId}/approval`).set('authorization', staff('supervisor')).expect(200);
    expect(approved.body).toMatchObject({ stage: 'recommended', approval: { approved: true, by: 'supervisor-1', reason: null } });
    const [decision] = (await store.readStream(`referral-${accountId}`)).filter((e) => e.type === 'RecommendationApproved');
    expect(decision.data).toMatchObject({ approvedBy: 'supervisor-1', criteria: expect.arrayContaining([{ rule: 'balance-at-least-5000', version: 1 }]) });
    expect(await stageMessage(accountId, 'recommended')).toMatchObject({ clientId: 'client-1' });
    await http.post(`/referrals/${accountId}/approval`).set('authorization', staff('supervisor')).expect(409);

    await publish(LegalReferralAuthorized, accountId, authorization(accountId));
    await waitUntil('the authorization to take effect', async () => (await referral(accountId)).stage === 'authorized');

    // An attorney named in free text is no longer taken; one not covering New York is refused.
    const freeText = await http.post(`/referrals/${accountId}/forwarding`).set('authorization', staff('legal')).send({ attorneyId: 'att-ny-014', attorneyName: 'Hudson & Rowe LLP', jurisdiction: 'US-NY' }).expect(400);
    expect(freeText.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'attorneyName' })]));
    const elsewhere = await http.post(`/referrals/${accountId}/forwarding`).set('authorization', staff('legal')).send({ attorneyId: coastal }).expect(409);
    expect(elsewhere.body).toMatchObject({ rule: 'attorney-jurisdiction-mismatch' });
    expect(await openCasesOf(coastal)).toBe(0);

    // No attorney named: the panel picks the one covering New York.
    const forwarded = await http.post(`/referrals/${accountId}/forwarding`).set('authorization', staff('legal')).send({}).expect(201);
    expect(forwarded.body).toMatchObject({ stage: 'forwarded', attorney: { attorneyId: hudson, attorneyName: 'Hudson & Rowe LLP', jurisdiction: 'US-NY' }, litigation: { step: 'forwarded', feeSchedule: { suitFee: 25_000, contingencyBp: 2_500 } } });
    expect(await stageMessage(accountId, 'forwarded')).toMatchObject({ attorneyId: hudson });
    expect(await openCasesOf(hudson)).toBe(1);

    // Another attorney's key reaches nothing of this case: as if it did not exist.
    const foreign = await http.post(`/referrals/${accountId}/milestones`).set('x-api-key', coastalKey).send({ milestone: 'acknowledged' }).expect(404);
    expect(foreign.body).toMatchObject({ rule: 'referral-unknown' });
    await http.get(`/referrals/${accountId}`).set('x-api-key', coastalKey).expect(404);
    await http.post(`/referrals/${accountId}/milestones`).set('x-api-key', `${hudsonKey}x`).send({ milestone: 'acknowledged' }).expect(401);

    // The attorney reports its own milestones with its key; legal records the rest for it.
    await milestone(accountId, hudsonKey, { milestone: 'acknowledged' });
    await http.post(`/referrals/${accountId}/milestones`).set('x-api-key', hudsonKey).send({ milestone: 'judgment', amount: 750_050, interest: 0, costs: 0 }).expect(409);
    await milestone(accountId, hudsonKey, { milestone: 'suit-filed', court: 'NY Supreme Court, New York County', caseNumber: '651234/2026', courtCosts: 40_500 });
    // What the suit costs the client travels with it: payments asks for it as cost advances.
    expect(await stageMessage(accountId, 'suit-filed')).toMatchObject({ attorneyId: hudson, suitCosts: { suitFee: 25_000, courtCosts: 40_500 } });
    await milestone(accountId, staff('legal'), { milestone: 'served' });
    await milestone(accountId, staff('legal'), { milestone: 'answer-or-default', response: 'defaulted' });
    const judged = await milestone(accountId, hudsonKey, { milestone: 'judgment', amount: 750_050, interest: 41_000, costs: 35_000 });
    expect(judged.litigation).toMatchObject({ step: 'judgment', suit: { court: 'NY Supreme Court, New York County', caseNumber: '651234/2026' }, response: { response: 'defaulted' }, judgment: { amount: 750_050, interest: 41_000, costs: 35_000 } });
    expect(await stageMessage(accountId, 'judgment')).toMatchObject({ judgment: { amount: 750_050, interest: 41_000, costs: 35_000, court: 'NY Supreme Court, New York County', caseNumber: '651234/2026' } });
    await milestone(accountId, hudsonKey, { milestone: 'enforcement', method: 'bank-levy' });

    const collected = await milestone(accountId, hudsonKey, { milestone: 'collected', amount: 826_050 });
    const [collection] = collected.litigation.collections;
    expect(collection).toEqual({ paymentId: expect.any(String), amount: 826_050, collectedAt: clock.now().toISOString() });
    // Payments posts it from this message as a payment of method `attorney`, under this id.
    expect(await stageMessage(accountId, 'collected')).toMatchObject({ attorneyId: hudson, collection: { paymentId: collection.paymentId, amount: 826_050 }, currency: 'USD' });

    const closed = await milestone(accountId, staff('legal'), { milestone: 'closed', outcome: 'paid-in-full' });
    expect(closed.litigation).toMatchObject({ step: 'closed', closing: { outcome: 'paid-in-full' } });
    expect(await stageMessage(accountId, 'closed')).toMatchObject({ outcome: 'paid-in-full' });
    expect(await openCasesOf(hudson)).toBe(0);
    const stored = (await store.readStream(`referral-${accountId}`)).filter((e) => ['AttorneyAcknowledged', 'DebtorServed'].includes(e.type)).map((e) => e.metadata.principal);
    expect(stored).toEqual([{ role: 'attorney', id: hudson }, { role: 'legal', id: 'legal-1' }]);
  });

  it("refuses an attorney's key on an account not forwarded to it (404), and a milestone that does not take the fields sent (422)", async () => {
    const attorney = await addAttorney({ firm: 'Empire Legal PC', jurisdictions: ['US-NY'], currency: 'USD', suitFee: 20_000, contingencyBp: 2_000, capacity: 1 });
    const key = await keyOf(attorney);
    const accountId = randomUUID();
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    await waitUntil('the case to open', async () => (await http.get(`/referrals/${accountId}`).set('authorization', staff('legal'))).status === 200);
    const notForwarded = await http.post(`/referrals/${accountId}/milestones`).set('x-api-key', key).send({ milestone: 'acknowledged' }).expect(404);
    expect(notForwarded.body).toMatchObject({ type: 'urn:collections:problem:referral-unknown', status: 404 });
    await http.get(`/referrals/${accountId}`).set('x-api-key', key).expect(404);
    // Attorneys have no other door: the panel and the review are staff's.
    await http.get('/attorneys').set('x-api-key', key).expect(403);
    await http.post(`/referrals/${accountId}/review`).set('x-api-key', key).expect(403);
    const extra = await http.post(`/referrals/${accountId}/milestones`).set('authorization', staff('legal')).send({ milestone: 'served', court: 'somewhere' }).expect(422);
    expect(extra.body).toMatchObject({ rule: 'milestone-details-invalid' });
    const missing = await http.post(`/referrals/${accountId}/milestones`).set('authorization', staff('legal')).send({ milestone: 'suit-filed' }).expect(400);
    expect(missing.body.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['court', 'caseNumber']));
  });

  it('lets a supervisor decline a recommendation: the case is not recommended and the client is never asked', async () => {
    const accountId = randomUUID();
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    await waitUntil('the case to open', async () => (await http.get(`/referrals/${accountId}`).set('authorization', staff('legal'))).status === 200);
    await http.post(`/referrals/${accountId}/review`).set('authorization', staff('legal')).expect(200);
    // Placed today: the review fails on the 45 days, nothing awaits approval.
    await http.post(`/referrals/${accountId}/decline`).set('authorization', staff('supervisor')).send({ reason: 'too early' }).expect(409);
    await advanceAndTick({ days: 45 });
    expect((await referral(accountId)).stage).toBe('pending-approval');
    const declined = await http.post(`/referrals/${accountId}/decline`).set('authorization', staff('supervisor')).send({ reason: 'the debtor is a key supplier of the client' }).expect(200);
    expect(declined.body).toMatchObject({ stage: 'not-recommended', approval: { approved: false, by: 'supervisor-1', reason: 'the debtor is a key supplier of the client' } });
    await waitFor('the verdict to be published', () => stagesPublished(accountId).includes('not-recommended') && stagesPublished(accountId).at(-1) === 'not-recommended', { timeoutMs: 5000 });
    expect(stagesPublished(accountId)).not.toContain('recommended');
  });

  it('refuses a forwarding when no panel attorney has a place left, and takes one once a case is recalled from its attorney', async () => {
    const panel = (await http.get('/attorneys').set('authorization', staff('legal')).expect(200)).body as { attorneyId: string; jurisdictions: string[]; capacity: number; openCases: number }[];
    // Fill every New Jersey place first: only Hudson covers New Jersey.
    const nj = panel.filter((a) => a.jurisdictions.includes('US-NJ'));
    expect(nj).toHaveLength(1);
    await http.put(`/attorneys/${nj[0].attorneyId}`).set('authorization', staff('admin')).send({ firm: 'Hudson & Rowe LLP', jurisdictions: ['US-NJ', 'US-NY'], currency: 'USD', suitFee: 25_000, contingencyBp: 2_500, capacity: 1 }).expect(200);
    const [first, second] = [await authorizedIn('NJ'), await authorizedIn('NJ')];
    await http.post(`/referrals/${first}/forwarding`).set('authorization', staff('legal')).send({}).expect(201);
    const full = await http.post(`/referrals/${second}/forwarding`).set('authorization', staff('legal')).send({}).expect(409);
    expect(full.body).toMatchObject({ rule: 'no-panel-attorney-available' });
    const named = await http.post(`/referrals/${second}/forwarding`).set('authorization', staff('legal')).send({ attorneyId: nj[0].attorneyId }).expect(409);
    expect(named.body).toMatchObject({ rule: 'attorney-at-capacity' });
    expect((await referral(second)).stage).toBe('authorized');

    const recalled = await milestone(first, staff('legal'), { milestone: 'recalled', reason: 'no progress' });
    expect(recalled).toMatchObject({ stage: 'authorized', attorney: null, litigation: null });
    await http.post(`/referrals/${second}/forwarding`).set('authorization', staff('legal')).send({}).expect(201);
  });

  it("counts a case reopened while with its attorney on the attorney's caseload again", async () => {
    const keystone = await addAttorney({ firm: 'Keystone Recovery Law', jurisdictions: ['US-PA'], currency: 'USD', suitFee: 20_000, contingencyBp: 2_500, capacity: 1 });
    const accountId = await authorizedIn('PA');
    await http.post(`/referrals/${accountId}/forwarding`).set('authorization', staff('legal')).send({}).expect(201);
    expect(await openCasesOf(keystone)).toBe(1);

    await publish(AccountClosed, accountId, { accountId, clientId: 'client-1', closingCode: 'paid-in-full', closedAt: clock.now().toISOString() });
    await waitUntil('the closing to give the place back', async () => (await openCasesOf(keystone)) === 0, LOADED_MS);
    // The place is taken meanwhile; the reopened case is counted anyway (above capacity), since its attorney never gave the file up.
    const other = await authorizedIn('PA');
    await http.post(`/referrals/${other}/forwarding`).set('authorization', staff('legal')).send({}).expect(201);

    const reopening = { accountId, clientId: 'client-1', previousClosingCode: 'paid-in-full', reason: 'payment-reversed', balance: 750_050, reopenedAt: clock.now().toISOString() };
    await publish(AccountReopened, accountId, reopening);
    await waitUntil('the reopening to retake the place', async () => (await openCasesOf(keystone)) === 2, LOADED_MS);
    expect(await referral(accountId)).toMatchObject({ stage: 'forwarded', attorney: { attorneyId: keystone } });
  });

  /**
   * A case recommended, approved and authorized, its debtor in `region` (a US state).
   * Placed 46 days back, so the day-45 review its opening books is already due, and the
   * runtime's scheduler (ticking every second on its own) runs it at any moment. That review
   * is the one that recommends here: a review on demand would race it, and the day-45 one,
   * landing after the approval, would record a new recommendation awaiting approval, so the
   * client's authorization would be ignored.
   */
  async function authorizedIn(region: string): Promise<string> {
    const accountId = randomUUID();
    await publish(AccountPlacedV1, accountId, { ...placed(accountId, new Date(clock.now().getTime() - 46 * 86_400_000)), debtor: { kind: 'company', legalName: 'Garden State Supply Co', country: 'US', region } });
    await waitUntil('the case to open', async () => (await http.get(`/referrals/${accountId}`).set('authorization', staff('legal'))).status === 200, LOADED_MS);
    const recommended = async () => {
      await tickSchedulers();
      return (await referral(accountId)).stage === 'pending-approval';
    };
    await waitUntil('the day-45 review to recommend', recommended, LOADED_MS, () => eventsSeen(accountId));
    const reviews = (await store.readStream(`referral-${accountId}`)).filter((e) => e.type === 'ReferralRecommended');
    expect(reviews.map((e) => e.metadata.principal)).toEqual([{ role: 'system', id: 'legal-review-scheduler' }]);
    await http.post(`/referrals/${accountId}/approval`).set('authorization', staff('supervisor')).expect(200);
    await publish(LegalReferralAuthorized, accountId, authorization(accountId));
    await waitUntil('the authorization to take effect', async () => (await referral(accountId)).stage === 'authorized', LOADED_MS, () => eventsSeen(accountId));
    return accountId;
  }

  /** What the referral stream holds, for a wait's failure message: what happened instead. */
  async function eventsSeen(accountId: string): Promise<string> {
    const events = await store.readStream(`referral-${accountId}`);
    return `the referral stream holds ${events.map((e) => `${e.type} (${e.metadata.principal.role}/${e.metadata.principal.id})`).join(', ')}`;
  }

  async function addAttorney(terms: Record<string, unknown>): Promise<string> {
    const added = await http.post('/attorneys').set('authorization', staff('admin')).send(terms).expect(201);
    expect(added.body).toMatchObject({ ...terms, jurisdictions: [...(terms.jurisdictions as string[])].sort(), openCases: 0 });
    return added.body.attorneyId;
  }

  async function keyOf(attorneyId: string): Promise<string> {
    const issued = await http.post(`/attorneys/${attorneyId}/api-keys`).set('authorization', staff('admin')).expect(201);
    expect(issued.body).toMatchObject({ attorneyId, apiKey: expect.stringMatching(/^ak_/) });
    return issued.body.apiKey;
  }

  async function openCasesOf(attorneyId: string): Promise<number> {
    const panel = (await http.get('/attorneys').set('authorization', staff('supervisor')).expect(200)).body as { attorneyId: string; openCases: number }[];
    return panel.find((a) => a.attorneyId === attorneyId)!.openCases;
  }

  /** Records a milestone as legal (a bearer header) or as the attorney (its key). */
  async function milestone(accountId: string, credentials: string, body: Record<string, unknown>) {
    const [header, value] = credentials.startsWith('Bearer ') ? ['authorization', credentials] : ['x-api-key', credentials];
    const answer = await http.post(`/referrals/${accountId}/milestones`).set(header, value).send(body);
    expect({ status: answer.status, body: answer.body }).toMatchObject({ status: 201 });
    return answer.body;
  }

  async function referral(accountId: string) {
    return (await http.get(`/referrals/${accountId}`).set('authorization', staff('legal'))).body;
  }

  async function typesIn(accountId: string): Promise<string[]> {
    return (await store.readStream(`referral-${accountId}`)).map((e) => e.type);
  }

  function stagesPublished(accountId: string): string[] {
    return published.filter((m) => m.key === accountId).map((m) => (m.value as LegalStageChangedV2).stage);
  }

  async function stageMessage(accountId: string, stage: string): Promise<LegalStageChangedV2> {
    const find = () => published.find((m) => m.key === accountId && m.headers['message-type'] === 'LegalStageChanged.v2' && (m.value as LegalStageChangedV2).stage === stage);
    await waitFor(`LegalStageChanged ${stage} for ${accountId}`, () => find() !== undefined, { timeoutMs: 5000 });
    return find()!.value as LegalStageChangedV2;
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
    await tickSchedulers();
  }

  /** Twice: a tick joins one already running, which may have looked before the latest booking. */
  async function tickSchedulers(): Promise<void> {
    for (const scheduler of deps.clockControl.schedulers) {
      await scheduler.tick();
      await scheduler.tick();
    }
  }

  function authorization(accountId: string) {
    return { accountId, clientId: 'client-1', authorizedAt: clock.now().toISOString(), agreesToSuitFee: true, agreesToAdvanceCosts: true };
  }
});

/** Messages cross the bus in well under a second; a machine shared with other suites may take longer. */
const LOADED_MS = 15_000;

/** Polls `probe` until it holds; on timeout the failure adds what `seen` reports, if given. */
async function waitUntil(description: string, probe: () => Promise<boolean>, timeoutMs = 5000, seen?: () => Promise<string>): Promise<void> {
  let holds = false;
  let polling: Promise<void> | undefined;
  try {
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
  } catch (error) {
    if (!seen) throw error;
    const report = await seen().catch((why: unknown) => `(could not tell what was seen: ${String(why)})`);
    throw new Error(`${(error as Error).message}; ${report}`);
  }
}

function placed(accountId: string, placedAt: Date): AccountPlacedV1 {
  return {
    accountId,
    clientId: 'client-1',
    clientReference: `REF-${accountId.slice(0, 8)}`,
    commercial: true,
    debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY' },
    invoices: [
      { number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 300_000, currency: 'USD' },
      { number: 'INV-2', issueDate: '2026-02-01', dueDate: '2026-03-03', originalAmount: 450_050, currency: 'USD' },
    ],
    currency: 'USD',
    placedAmount: 750_050,
    commissionRateBp: 2_500,
    placedAt: placedAt.toISOString(),
  };
}
