import { randomUUID } from 'node:crypto';
import { TestClock } from '@lib/clock';
import {
  AccountClosed,
  AccountReopened,
  AccountReopenedV1,
  AUDIT_EVENTS,
  AuditRecordV1,
  AccountPlacedV1,
  Contract,
  LEGAL_REFERRALS,
  LegalReferralAuthorized,
  LegalStageChangedV2,
  PaymentPostedV1,
  PaymentReversedV1,
} from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { CommandBus } from '@nestjs/cqrs';
import { signStaffToken, StaffRole } from '@lib/platform';
import { fixedClientKeys, HttpClient, ServiceUnderTest, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { NotePayment } from './application/note-payment/note-payment.command';
import { ReferralCaseNotOpenedYet } from './application/retry-until-opened';
import { scheduledLegalReview } from './application/review-for-legal/legal-review.work';
import { LegalReferralModule } from './legal-referral.module';
import { followUpReviewWorkId, legalReviewWorkId, reopenedReviewWorkId } from './domain/legal-review/legal-review.workflow';

const CLIENT_API_KEY = 'client-key-of-client-1';

describe('legal referral over HTTP and the bus (PGlite event store, test clock)', () => {
  let store: PgliteEventStore;
  let bus: MessageBus;
  let clock: TestClock;
  let deps: ServiceUnderTest['deps'];
  let http: HttpClient;
  let published: IncomingMessage[];
  let audited: IncomingMessage[];
  let close: () => Promise<void>;
  let commands: CommandBus;
  /** The panel attorney covering New York every forwarding here goes to. */
  let nyAttorneyId: string;
  const attorney = () => ({ attorneyId: nyAttorneyId });

  beforeAll(async () => {
    const sut = await startServiceUnderTest({
      name: 'legal-referral',
      clockStart: '2026-03-02T14:00:00.000Z',
      module: (dependencies) => LegalReferralModule.register(dependencies),
      extraImports: [fixedClientKeys({ [CLIENT_API_KEY]: 'client-1' })],
      listenTo: [LEGAL_REFERRALS, AUDIT_EVENTS],
    });
    ({ store, bus, clock, deps, http, close } = sut);
    published = sut.received(LEGAL_REFERRALS);
    audited = sut.received(AUDIT_EVENTS);
    commands = sut.app.get(CommandBus);
    const added = await http
      .post('/attorneys')
      .set('authorization', staff('admin'))
      .send({ firm: 'Hudson & Rowe LLP', jurisdictions: ['US-NY'], currency: 'USD', suitFee: 25_000, contingencyBp: 2_500, capacity: 1_000 })
      .expect(201);
    nyAttorneyId = added.body.attorneyId;
  });
  afterAll(() => close());

  it('recommends an account of 7,500.50 unpaid 45 days after placement, takes the client authorization, and forwards it to an attorney', async () => {
    const accountId = randomUUID();
    const placedAt = clock.now().toISOString();
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    const opened = await referralOnceVisible(accountId);
    expect(opened).toMatchObject({ stage: 'opened', balance: 750_050, currency: 'USD', placedAt, oldestDueDate: '2026-01-31', reviewDueAt: daysLater(placedAt, 45), lastPayment: null });
    await waitUntil('the review to be booked', async () => (await scheduleOf(accountId)).length > 0);
    expect(await scheduleOf(accountId)).toEqual(['WorkScheduled']);

    await advanceAndTick({ days: 44, hours: 23 });
    expect((await getReferral(accountId)).stage).toBe('opened');
    await advanceAndTick({ hours: 1 });
    const reviewed = await getReferral(accountId);
    expect(reviewed).toMatchObject({ stage: 'pending-approval', failedRules: [], rulesChecked: expect.arrayContaining(['balance-at-least-5000', 'within-statute-of-limitations']) });
    const [review] = (await store.readStream(`referral-${accountId}`)).filter((e) => e.type === 'ReferralRecommended');
    expect(review.metadata).toMatchObject({ principal: { role: 'system', id: 'legal-review-scheduler' }, causationId: legalReviewWorkId(accountId) });
    expect(await stageMessage(accountId, 'pending-approval')).toMatchObject({ accountId, clientId: 'client-1', balance: 750_050, currency: 'USD' });
    await approve(accountId);
    expect(await stageMessage(accountId, 'recommended')).toMatchObject({ accountId, clientId: 'client-1', balance: 750_050, currency: 'USD' });

    await publish(LegalReferralAuthorized, accountId, { accountId, clientId: 'client-1', authorizedAt: clock.now().toISOString(), agreesToSuitFee: true, agreesToAdvanceCosts: true });
    await waitUntil('the authorization to take effect', async () => (await getReferral(accountId)).stage === 'authorized');
    expect(await stageMessage(accountId, 'authorized')).toMatchObject({ stage: 'authorized', balance: 750_050 });

    const forwarded = await http
      .post(`/referrals/${accountId}/forwarding`)
      .set('authorization', staff('legal'))
      .send(attorney())
      .expect(201);
    expect(forwarded.body).toMatchObject({ stage: 'forwarded', attorney: { attorneyId: nyAttorneyId, attorneyName: 'Hudson & Rowe LLP', jurisdiction: 'US-NY', forwardedAt: clock.now().toISOString() } });
    expect((await getReferral(accountId)).stage).toBe('forwarded');
    const message = await stageMessage(accountId, 'forwarded');
    expect(message).toMatchObject({ attorneyId: nyAttorneyId, changedAt: clock.now().toISOString() });
    expect(published.find((m) => m.value === message)?.key).toBe(accountId);

    const again = await http
      .post(`/referrals/${accountId}/forwarding`)
      .set('authorization', staff('supervisor'))
      .send({ attorneyId: randomUUID() })
      .expect(409);
    expect(again.body).toMatchObject({ type: 'urn:collections:problem:already-forwarded', status: 409, rule: 'already-forwarded' });
    expect(await typesIn(accountId)).toEqual(['ReferralCaseOpened', 'ReferralRecommended', 'RecommendationApproved', 'ReferralAuthorized', 'ForwardedToAttorney']);

    const audit = await http.get(`/audit/legal-referral/accounts/${accountId}`).set('authorization', staff('compliance')).expect(200);
    // The referral, and the account's compliance stream: the forwarding allowed by every rule it passed, the second one refused.
    expect(audit.body.streams).toHaveLength(2);
    expect(audit.body.streams[0]).toMatchObject({ streamId: `referral-${accountId}`, integrity: { ok: true, checked: 5 } });
    expect(audit.body.streams[1]).toMatchObject({ streamId: `compliance-${accountId}`, integrity: { ok: true, checked: 2 } });
    expect(audit.body.streams[1].events.map((e: { type: string; data: { rule?: string } }) => [e.type, e.data.rule ?? null])).toEqual([['CommandAllowed', null], ['CommandRefused', 'already-forwarded']]);
    const allowed = audit.body.streams[1].events[0].data;
    expect(allowed).toMatchObject({ service: 'legal-referral', accountId, command: 'ForwardToAttorney', allowedAt: clock.now().toISOString() });
    expect(allowed.rules.map((r: { rule: string }) => r.rule)).toEqual([
      'already-forwarded', 'referral-closed', 'referral-not-authorized',
      'balance-at-least-5000', 'within-statute-of-limitations', 'not-disputed', 'not-bankrupt', 'not-closed', 'debtor-in-business',
      'attorney-not-on-panel', 'attorney-jurisdiction-mismatch', 'attorney-at-capacity', 'no-panel-attorney-available',
    ]);
    expect(allowed.rules.find((r: { rule: string }) => r.rule === 'within-statute-of-limitations').ruleVersion).toEqual(expect.any(Number));
    expect(allowed.rules.find((r: { rule: string }) => r.rule === 'attorney-at-capacity').ruleVersion).toBeNull();
    expect(audit.body.streams[0].events.map((e: { type: string }) => e.type)).toEqual(['ReferralCaseOpened', 'ReferralRecommended', 'RecommendationApproved', 'ReferralAuthorized', 'ForwardedToAttorney']);
    expect(audit.body.streams[0].events[2].metadata.principal).toEqual({ role: 'supervisor', id: 'supervisor-1' });
    expect(audit.body.streams[0].events[4].metadata.principal).toEqual({ role: 'legal', id: 'legal-1' });
  });

  it('does not recommend an account that paid within 45 days, ignores an early authorization, and recommends once it is quiet again, booked or on demand', async () => {
    const accountId = randomUUID();
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now(), 900_000));
    await referralOnceVisible(accountId);

    await advanceAndTick({ days: 20 });
    const paymentId = randomUUID();
    const paidAt = clock.now().toISOString();
    const payment = { accountId, clientId: 'client-1', paymentId, amount: 50_000, currency: 'USD', allocations: [{ invoiceNumber: 'INV-1', amount: 50_000 }], commission: 12_500, credit: 0, balanceAfter: 850_000, postedAt: paidAt };
    const paymentMessage = await publish(PaymentPostedV1, accountId, payment);
    await publish(PaymentPostedV1, accountId, payment, paymentMessage);
    // Same key, same topic: once this later payment is noted, the redelivery before it was handled too.
    await publish(PaymentPostedV1, accountId, { ...payment, paymentId: randomUUID(), amount: 10_000, balanceAfter: 840_000, allocations: [{ invoiceNumber: 'INV-1', amount: 10_000 }], commission: 2_500 });
    await waitUntil('both payments to be noted', async () => (await getReferral(accountId)).balance === 840_000);
    expect((await typesIn(accountId)).filter((t) => t === 'PaymentNoted')).toHaveLength(2);
    expect(await getReferral(accountId)).toMatchObject({ balance: 840_000, lastPayment: { paidAt } });

    await advanceAndTick({ days: 25 });
    const notRecommended = await getReferral(accountId);
    expect(notRecommended.stage).toBe('not-recommended');
    expect(notRecommended.failedRules).toEqual([{ rule: 'no-payment-in-45-days', reason: expect.stringContaining('a payment was received 25 days ago') }]);

    await publish(LegalReferralAuthorized, accountId, { accountId, clientId: 'client-1', authorizedAt: clock.now().toISOString(), agreesToSuitFee: true, agreesToAdvanceCosts: true });
    await waitUntil('the early authorization to be recorded', async () => (await typesIn(accountId)).includes('AuthorizationIgnored'));
    const [ignored] = (await store.readStream(`referral-${accountId}`)).filter((e) => e.type === 'AuthorizationIgnored');
    expect(ignored.data).toMatchObject({ reason: 'the last legal review did not recommend suit (failed: no-payment-in-45-days)' });
    expect((await getReferral(accountId)).stage).toBe('not-recommended');

    const before = await typesIn(accountId);
    const refused = await http
      .post(`/referrals/${accountId}/forwarding`)
      .set('authorization', staff('legal'))
      .send(attorney())
      .expect(409);
    expect(refused.body).toMatchObject({ type: 'urn:collections:problem:referral-not-authorized', status: 409, rule: 'referral-not-authorized', detail: 'the client has not authorized suit on this account' });
    expect(await typesIn(accountId)).toEqual(before);

    // The failed review booked a follow-up 45 days after the payments (day 65): it recommends.
    await advanceAndTick({ days: 20 });
    expect(await getReferral(accountId)).toMatchObject({ stage: 'pending-approval', failedRules: [], balance: 840_000 });
    const onDemand = await http.post(`/referrals/${accountId}/review`).set('authorization', staff('supervisor')).expect(200);
    expect(onDemand.body).toMatchObject({ accountId, stage: 'pending-approval', failedRules: [], balance: 840_000 });
    const reviews = (await store.readStream(`referral-${accountId}`)).filter((e) => e.type === 'ReferralRecommended');
    expect(reviews.map((e) => e.metadata.principal)).toEqual([
      { role: 'system', id: 'legal-review-scheduler' },
      { role: 'supervisor', id: 'supervisor-1' },
    ]);
    // Every verdict is published; the client hears of none before a supervisor approves.
    await waitFor('the three verdicts to be published', () => published.filter((m) => m.key === accountId).length >= 3, { timeoutMs: 5000 });
    expect(published.filter((m) => m.key === accountId).map((m) => (m.value as LegalStageChangedV2).stage)).toEqual(['not-recommended', 'pending-approval', 'pending-approval']);
  });

  it('restores the balance when a payment bounces, and a bounced payment does not hold back the review', async () => {
    const accountId = randomUUID();
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    await referralOnceVisible(accountId);
    await advanceAndTick({ days: 10 });
    const paymentId = randomUUID();
    const common = { accountId, clientId: 'client-1', paymentId, amount: 100_000, currency: 'USD', commission: 25_000 };
    await publish(PaymentPostedV1, accountId, { ...common, allocations: [{ invoiceNumber: 'INV-1', amount: 100_000 }], credit: 0, balanceAfter: 650_050, postedAt: clock.now().toISOString() });
    await waitUntil('the payment to be noted', async () => (await getReferral(accountId)).balance === 650_050);
    await publish(PaymentReversedV1, accountId, { ...common, reason: 'NSF', balanceAfter: 750_050, reversedAt: clock.now().toISOString() });
    await waitUntil('the reversal to be noted', async () => (await getReferral(accountId)).balance === 750_050);
    expect((await getReferral(accountId)).lastPayment).toBeNull();

    await advanceAndTick({ days: 35 });
    expect((await getReferral(accountId)).stage).toBe('pending-approval');
  });

  it('books a follow-up review when a payment on day 44 holds back the day-45 review, and recommends 45 days after that payment', async () => {
    const { accountId, paymentId, paidAt } = await placedAndPaidAfter(44);
    await advanceAndTick({ days: 1 });
    const held = await getReferral(accountId);
    expect(held).toMatchObject({
      stage: 'not-recommended',
      failedRules: [{ rule: 'no-payment-in-45-days' }],
      followUpReview: { afterPaymentId: paymentId, dueAt: daysLater(paidAt.toISOString(), 45) },
    });

    await advanceAndTick({ days: 43, hours: 23 });
    expect((await getReferral(accountId)).stage).toBe('not-recommended');
    await advanceAndTick({ hours: 1 });
    expect(await getReferral(accountId)).toMatchObject({ stage: 'pending-approval', failedRules: [], reviewedAt: daysLater(paidAt.toISOString(), 45) });
    const reviews = (await store.readStream(`referral-${accountId}`)).filter((e) => e.type.startsWith('Referral') && e.type !== 'ReferralCaseOpened');
    expect(reviews.map((e) => e.type)).toEqual(['ReferralNotRecommended', 'ReferralRecommended']);
    // The follow-up is durable work of its own: a new work id, scheduled and fired in the store.
    const followUp = reviews[1].metadata;
    expect(followUp.principal).toEqual({ role: 'system', id: 'legal-review-scheduler' });
    expect(followUp.causationId).not.toBe(legalReviewWorkId(accountId));
    expect((await store.readStream(`schedule-${followUp.causationId}`)).map((e) => e.type)).toEqual(['WorkScheduled', 'WorkFired']);
  });

  it('cancels the follow-up review too when the account closes', async () => {
    const { accountId, paymentId } = await placedAndPaidAfter(40);
    await advanceAndTick({ days: 5 });
    expect((await getReferral(accountId)).stage).toBe('not-recommended');
    const followUpWork = `schedule-${followUpReviewWorkId(accountId, paymentId)}`;
    await waitUntil('the follow-up review to be booked', async () => (await store.readStream(followUpWork)).length > 0);

    await publish(AccountClosed, accountId, { accountId, clientId: 'client-1', closingCode: 'paid-in-full', closedAt: clock.now().toISOString() });
    await waitUntil('the follow-up review to be cancelled', async () => (await store.readStream(followUpWork)).some((e) => e.type === 'WorkCancelled'));
    await advanceAndTick({ days: 46 });
    expect(await typesIn(accountId)).toEqual(['ReferralCaseOpened', 'PaymentNoted', 'ReferralNotRecommended', 'ReferralCaseClosed']);
  });

  it('opens a case once however often its placement is delivered, closes it when the account closes, and cancels its booked review', async () => {
    const accountId = randomUUID();
    const placement = await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    await referralOnceVisible(accountId);
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()), placement);
    await publish(AccountClosed, accountId, { accountId, clientId: 'client-1', closingCode: 'recalled', closedAt: clock.now().toISOString() });
    await waitUntil('the case to close', async () => (await getReferral(accountId)).stage === 'closed');
    await waitUntil('the booked review to be cancelled', async () => (await scheduleOf(accountId)).includes('WorkCancelled'));
    expect(await scheduleOf(accountId)).toEqual(['WorkScheduled', 'WorkCancelled']);

    await advanceAndTick({ days: 46 });
    expect(await getReferral(accountId)).toMatchObject({ stage: 'closed', closing: { closingCode: 'recalled' } });
    expect(await typesIn(accountId)).toEqual(['ReferralCaseOpened', 'ReferralCaseClosed']);
  });

  it('reopens a case closed as paid in full when the payment bounces, and reviews and recommends it 45 days after the reopening', async () => {
    const accountId = randomUUID();
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    await referralOnceVisible(accountId);
    await advanceAndTick({ days: 10 });
    const paymentId = randomUUID();
    const common = { accountId, clientId: 'client-1', paymentId, amount: 750_050, currency: 'USD', commission: 187_513 };
    const allocations = [
      { invoiceNumber: 'INV-1', amount: 300_000 },
      { invoiceNumber: 'INV-2', amount: 450_050 },
    ];
    await publish(PaymentPostedV1, accountId, { ...common, allocations, credit: 0, balanceAfter: 0, postedAt: clock.now().toISOString() });
    await waitUntil('the payment to be noted', async () => (await getReferral(accountId)).balance === 0);
    await publish(AccountClosed, accountId, { accountId, clientId: 'client-1', closingCode: 'paid-in-full', closedAt: clock.now().toISOString() });
    await waitUntil('the day-45 review to be cancelled', async () => (await scheduleOf(accountId)).includes('WorkCancelled'));

    // Day 50: the closed account was not reviewed on day 45.
    await advanceAndTick({ days: 40 });
    expect(await getReferral(accountId)).toMatchObject({ stage: 'closed', reviewedAt: null, closing: { closingCode: 'paid-in-full' }, reopening: null });
    expect(await typesIn(accountId)).toEqual(['ReferralCaseOpened', 'PaymentNoted', 'ReferralCaseClosed']);

    // The payment bounces: payments reverses it, and intake reopens the account (two topics, either may come first).
    const reopenedAt = clock.now().toISOString();
    await publish(PaymentReversedV1, accountId, { ...common, reason: 'NSF', balanceAfter: 750_050, reversedAt: reopenedAt });
    await publish(AccountReopened, accountId, reopening(accountId, reopenedAt, paymentId));
    const reopenedWork = `schedule-${reopenedReviewWorkId(accountId, 1)}`;
    await waitUntil('the reopening to book its review', async () => (await store.readStream(reopenedWork)).length > 0);
    await waitUntil('the reversal to be noted', async () => (await getReferral(accountId)).lastPayment === null);
    expect(await getReferral(accountId)).toMatchObject({
      stage: 'opened',
      balance: 750_050,
      closing: null,
      reopening: { previousClosingCode: 'paid-in-full', reason: 'payment-reversed', paymentId, reopenedAt, reviewDueAt: daysLater(reopenedAt, 45) },
    });
    expect(await scheduleOf(accountId)).toEqual(['WorkScheduled', 'WorkCancelled']);

    await advanceAndTick({ days: 44, hours: 23 });
    expect(await getReferral(accountId)).toMatchObject({ stage: 'opened', reviewedAt: null });
    await advanceAndTick({ hours: 1 });
    expect(await getReferral(accountId)).toMatchObject({ stage: 'pending-approval', failedRules: [], balance: 750_050, reviewedAt: daysLater(reopenedAt, 45) });
    const [review] = (await store.readStream(`referral-${accountId}`)).filter((e) => e.type === 'ReferralRecommended');
    expect(review.metadata).toMatchObject({ principal: { role: 'system', id: 'legal-review-scheduler' }, causationId: reopenedReviewWorkId(accountId, 1) });
    expect((await store.readStream(reopenedWork)).map((e) => e.type)).toEqual(['WorkScheduled', 'WorkFired']);
    const types = await typesIn(accountId);
    expect(types.filter((t) => t !== 'PaymentReversalNoted')).toEqual(['ReferralCaseOpened', 'PaymentNoted', 'ReferralCaseClosed', 'ReferralCaseReopened', 'ReferralRecommended']);
    expect(types.filter((t) => t === 'PaymentReversalNoted')).toHaveLength(1);
    expect(await stageMessage(accountId, 'pending-approval')).toMatchObject({ accountId, balance: 750_050, changedAt: daysLater(reopenedAt, 45) });
  });

  it('puts a reopened case back at its stage, cancels its review when the account closes again (not on a redelivered earlier closing), and books a new one for a second reopening', async () => {
    const accountId = randomUUID();
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    await referralOnceVisible(accountId);
    await advanceAndTick({ days: 45 });
    expect((await getReferral(accountId)).stage).toBe('pending-approval');
    const closeAccount = () => publish(AccountClosed, accountId, { accountId, clientId: 'client-1', closingCode: 'paid-in-full', closedAt: clock.now().toISOString() });

    const firstClosing = await closeAccount();
    await waitUntil('the case to close', async () => (await getReferral(accountId)).stage === 'closed');
    await advanceAndTick({ days: 1 });
    const first = reopening(accountId, clock.now().toISOString());
    const firstMessage = await publish(AccountReopened, accountId, first);
    await publish(AccountReopened, accountId, first, firstMessage);
    // The first closing delivered again: it finds the case reopened and leaves the reopening's review alone.
    await publish(AccountClosed, accountId, { accountId, clientId: 'client-1', closingCode: 'paid-in-full', closedAt: first.reopenedAt }, firstClosing);
    const firstWork = `schedule-${reopenedReviewWorkId(accountId, 1)}`;
    await waitUntil('the first reopening to book its review', async () => (await store.readStream(firstWork)).length > 0);
    expect(await getReferral(accountId)).toMatchObject({ stage: 'pending-approval', closing: null, reopening: { reopenedAt: first.reopenedAt } });

    await advanceAndTick({ days: 5 });
    const secondClosing = await closeAccount();
    await waitUntil("the first reopening's review to be cancelled", async () => (await store.readStream(firstWork)).some((e) => e.type === 'WorkCancelled'));
    const [cancelled] = (await store.readStream(firstWork)).filter((e) => e.type === 'WorkCancelled');
    expect(cancelled.metadata.causationId).toBe(secondClosing);
    await advanceAndTick({ days: 5 });
    const second = reopening(accountId, clock.now().toISOString());
    await publish(AccountReopened, accountId, second);
    await waitUntil('the second reopening to book its own review', async () => (await store.readStream(`schedule-${reopenedReviewWorkId(accountId, 2)}`)).length > 0);

    // Past the day the first reopening's review was due (day 91) and up to the second's (day 101).
    await advanceAndTick({ days: 45 });
    expect(await getReferral(accountId)).toMatchObject({ stage: 'pending-approval', reviewedAt: daysLater(second.reopenedAt, 45) });
    expect(await typesIn(accountId)).toEqual([
      'ReferralCaseOpened',
      'ReferralRecommended',
      'ReferralCaseClosed',
      'ReferralCaseReopened',
      'ReferralCaseClosed',
      'ReferralCaseReopened',
      'ReferralRecommended',
    ]);
    const reviews = (await store.readStream(`referral-${accountId}`)).filter((e) => e.type === 'ReferralRecommended');
    expect(reviews.map((e) => e.metadata.causationId)).toEqual([legalReviewWorkId(accountId), reopenedReviewWorkId(accountId, 2)]);
    expect((await store.readStream(firstWork)).map((e) => e.type)).toEqual(['WorkScheduled', 'WorkCancelled']);

    // Like a closing, a reopening goes to the audit trail only: legal.referrals has no such stage.
    await waitFor('both recommendations to be published', () => published.filter((m) => m.key === accountId).length >= 2, { timeoutMs: 5000 });
    expect(published.filter((m) => m.key === accountId).map((m) => (m.value as LegalStageChangedV2).stage)).toEqual(['pending-approval', 'pending-approval']);
    const auditTypes = () => audited.filter((m) => m.key === `referral-${accountId}`).map((m) => (m.value as AuditRecordV1).type);
    await waitFor('the reopenings to reach the audit trail', () => auditTypes().filter((t) => t === 'ReferralCaseReopened').length === 2, { timeoutMs: 5000 });
  });

  it('has the bus deliver again a payment that overtook its placement, and notes it once the case opens', async () => {
    const accountId = randomUUID();
    const paymentId = randomUUID();
    const paidAt = clock.now().toISOString();
    // Not a refusal (which would be the message's answer) but an error: the bus delivers it again.
    const early = new NotePayment(accountId, { paymentId, amount: 50_000, balanceAfter: 700_050, paidAt }, { principal: { role: 'system', id: 'test' }, correlationId: paymentId, causationId: paymentId, now: clock.now(), newId: randomUUID });
    await expect(commands.execute(early)).rejects.toBeInstanceOf(ReferralCaseNotOpenedYet);
    expect(await typesIn(accountId)).toEqual([]);

    const payment = { accountId, clientId: 'client-1', paymentId, amount: 50_000, currency: 'USD', allocations: [{ invoiceNumber: 'INV-1', amount: 50_000 }], commission: 12_500, credit: 0, balanceAfter: 700_050, postedAt: paidAt };
    await publish(PaymentPostedV1, accountId, payment);
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    await waitUntil('the payment to be noted once the case opened', async () => (await getReferral(accountId)).balance === 700_050);
    expect(await typesIn(accountId)).toEqual(['ReferralCaseOpened', 'PaymentNoted']);
    expect((await getReferral(accountId)).lastPayment).toEqual({ paymentId, amount: 50_000, paidAt });
  });

  it('reviews once when the scheduler runs the same work again after a crash before marking it fired', async () => {
    const accountId = randomUUID();
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    await referralOnceVisible(accountId);
    clock.advance({ days: 45 });
    const work = { workId: legalReviewWorkId(accountId), kind: 'legal-review', dueAt: clock.now().toISOString(), payload: { accountId } };
    const runWork = scheduledLegalReview(commands, deps);
    await runWork(work, clock.now());
    await runWork(work, clock.now());
    expect(await typesIn(accountId)).toEqual(['ReferralCaseOpened', 'ReferralRecommended']);
  });

  it('refuses what the stage does not allow, or what does not exist, and writes nothing', async () => {
    const unknownId = randomUUID();
    const notFound = await http.post(`/referrals/${unknownId}/review`).set('authorization', staff('legal')).expect(404);
    expect(notFound.body).toMatchObject({ type: 'urn:collections:problem:referral-unknown', status: 404, rule: 'referral-unknown' });
    const notFoundForwarding = await http.post(`/referrals/${unknownId}/forwarding`).set('authorization', staff('legal')).send(attorney()).expect(404);
    expect(notFoundForwarding.body).toMatchObject({ status: 404, rule: 'referral-unknown' });
    const notFoundRead = await http.get(`/referrals/${unknownId}`).set('authorization', staff('legal')).expect(404);
    expect(notFoundRead.headers['content-type']).toContain('application/problem+json');
    expect(notFoundRead.body).toMatchObject({ type: 'urn:collections:problem:referral-unknown', title: 'Not Found', status: 404, rule: 'referral-unknown', detail: `no referral case for account ${unknownId}` });
    const notUuid = await http.get('/referrals/not-a-uuid').set('authorization', staff('legal')).expect(400);
    expect(notUuid.body).toMatchObject({ type: 'about:blank', status: 400 });

    const accountId = randomUUID();
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    await referralOnceVisible(accountId);
    const invalid = await http
      .post(`/referrals/${accountId}/forwarding`)
      .set('authorization', staff('legal'))
      .send({ attorneyId: '', jurisdiction: 'new york', extra: 1 })
      .expect(400);
    expect(invalid.body.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['attorneyId', 'jurisdiction', 'extra']));
    const notAuthorized = await http.post(`/referrals/${accountId}/forwarding`).set('authorization', staff('legal')).send(attorney()).expect(409);
    expect(notAuthorized.body).toMatchObject({ type: 'urn:collections:problem:referral-not-authorized', status: 409, rule: 'referral-not-authorized' });
    expect(await typesIn(accountId)).toEqual(['ReferralCaseOpened']);
    // Nothing on the referral; the refused forwarding is on the account's compliance stream.
    expect((await store.readStream(`compliance-${accountId}`)).map((e) => e.data)).toEqual([
      { service: 'legal-referral', accountId, clientId: null, command: 'ForwardToAttorney', rule: 'referral-not-authorized', ruleVersion: null, reason: notAuthorized.body.detail, refusedAt: clock.now().toISOString() },
    ]);

    // An authorized referral is past review: a new review is refused.
    await advanceAndTick({ days: 45 });
    await approve(accountId);
    await publish(LegalReferralAuthorized, accountId, { accountId, clientId: 'client-1', authorizedAt: clock.now().toISOString(), agreesToSuitFee: true, agreesToAdvanceCosts: true });
    await waitUntil('the authorization to take effect', async () => (await getReferral(accountId)).stage === 'authorized');
    const late = await http.post(`/referrals/${accountId}/review`).set('authorization', staff('legal')).expect(409);
    expect(late.body).toMatchObject({ type: 'urn:collections:problem:referral-already-authorized', status: 409, rule: 'referral-already-authorized' });
    expect(await typesIn(accountId)).toEqual(['ReferralCaseOpened', 'ReferralRecommended', 'RecommendationApproved', 'ReferralAuthorized']);
  });

  it('answers a forwarding retried with the same Idempotency-Key with the first answer', async () => {
    const accountId = randomUUID();
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    await referralOnceVisible(accountId);
    await advanceAndTick({ days: 45 });
    await approve(accountId);
    await publish(LegalReferralAuthorized, accountId, { accountId, clientId: 'client-1', authorizedAt: clock.now().toISOString(), agreesToSuitFee: true, agreesToAdvanceCosts: true });
    await waitUntil('the authorization to take effect', async () => (await getReferral(accountId)).stage === 'authorized');

    const first = await http.post(`/referrals/${accountId}/forwarding`).set('authorization', staff('legal')).set('idempotency-key', 'fwd-1').send(attorney()).expect(201);
    const retry = await http.post(`/referrals/${accountId}/forwarding`).set('authorization', staff('legal')).set('idempotency-key', 'fwd-1').send(attorney()).expect(201);
    expect(retry.body).toEqual(first.body);
    expect((await typesIn(accountId)).filter((t) => t === 'ForwardedToAttorney')).toHaveLength(1);
  });

  it('lets each endpoint be called only by the roles it states', async () => {
    const accountId = randomUUID();
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    await referralOnceVisible(accountId);

    await http.get(`/referrals/${accountId}`).expect(401);
    await http.post(`/referrals/${accountId}/review`).expect(401);
    await http.post(`/referrals/${accountId}/forwarding`).send(attorney()).expect(401);
    await http.get(`/audit/legal-referral/accounts/${accountId}`).expect(401);
    const forged = signStaffToken('another-secret', { role: 'legal', id: 'mallory' }, new Date(Date.now() + 3_600_000));
    await http.get(`/referrals/${accountId}`).set('authorization', `Bearer ${forged}`).expect(401);

    const asClient = { header: 'x-api-key', value: CLIENT_API_KEY };
    const as = (role: StaffRole) => ({ header: 'authorization', value: staff(role) });
    for (const who of [asClient, as('collector'), as('accountant'), as('admin')]) {
      await http.get(`/referrals/${accountId}`).set(who.header, who.value).expect(403);
    }
    for (const who of [asClient, as('collector'), as('accountant'), as('compliance'), as('admin')]) {
      await http.post(`/referrals/${accountId}/review`).set(who.header, who.value).expect(403);
      await http.post(`/referrals/${accountId}/forwarding`).set(who.header, who.value).send(attorney()).expect(403);
    }
    for (const who of [asClient, as('collector'), as('supervisor'), as('accountant'), as('legal'), as('admin')]) {
      await http.get(`/audit/legal-referral/accounts/${accountId}`).set(who.header, who.value).expect(403);
    }
    expect(await typesIn(accountId)).toEqual(['ReferralCaseOpened']);

    for (const role of ['legal', 'supervisor', 'compliance'] as const) {
      await http.get(`/referrals/${accountId}`).set('authorization', staff(role)).expect(200);
    }
    for (const role of ['legal', 'supervisor'] as const) {
      await http.post(`/referrals/${accountId}/review`).set('authorization', staff(role)).expect(200);
    }
  });

  // --- helpers -------------------------------------------------------------

  /** Publishes what another service would; returns the message id so a test can deliver it again. */
  async function publish<Data>(contract: Contract<Data>, accountId: string, data: Data, messageId: string = randomUUID()): Promise<string> {
    await bus.publish([
      {
        topic: contract.topic,
        key: accountId,
        value: data,
        headers: {
          'message-type': contract.type,
          'message-id': messageId,
          'correlation-id': `corr-${messageId}`,
          'causation-id': messageId,
          'source-stream': `account-${accountId}`,
          'source-version': '0',
        },
      },
    ]);
    return messageId;
  }

  /** Moves the test clock and runs every registered scheduler, as `POST /test-clock/advance` does. */
  async function advanceAndTick(by: { days?: number; hours?: number }): Promise<void> {
    clock.advance(by);
    expect(deps.clockControl.schedulers.size).toBe(1);
    for (const scheduler of deps.clockControl.schedulers) {
      // The runtime's own timer may be mid-tick from before the move; the second tick starts after it.
      await scheduler.tick();
      await scheduler.tick();
    }
  }

  /** A placed account of 7,500.50 that pays 500.00 (balance 7,000.50, still enough for suit) `days` after placement. */
  async function placedAndPaidAfter(days: number): Promise<{ accountId: string; paymentId: string; paidAt: Date }> {
    const accountId = randomUUID();
    await publish(AccountPlacedV1, accountId, placed(accountId, clock.now()));
    await referralOnceVisible(accountId);
    await advanceAndTick({ days });
    const paymentId = randomUUID();
    const paidAt = clock.now();
    const allocations = [{ invoiceNumber: 'INV-1', amount: 50_000 }];
    const payment = { accountId, clientId: 'client-1', paymentId, amount: 50_000, currency: 'USD', allocations, commission: 12_500, credit: 0, balanceAfter: 700_050, postedAt: paidAt.toISOString() };
    await publish(PaymentPostedV1, accountId, payment);
    await waitUntil('the payment to be noted', async () => (await getReferral(accountId)).balance === 700_050);
    return { accountId, paymentId, paidAt };
  }

  /** The supervisor approves the pending recommendation, so the client is asked. */
  async function approve(accountId: string) {
    const approved = await http.post(`/referrals/${accountId}/approval`).set('authorization', staff('supervisor')).expect(200);
    expect(approved.body).toMatchObject({ stage: 'recommended' });
  }

  async function getReferral(accountId: string) {
    const response = await http.get(`/referrals/${accountId}`).set('authorization', staff('legal'));
    return response.body;
  }

  async function referralOnceVisible(accountId: string) {
    let found: Record<string, unknown> | undefined;
    await waitUntil(`referral case ${accountId} to open`, async () => {
      const response = await http.get(`/referrals/${accountId}`).set('authorization', staff('compliance'));
      found = response.status === 200 ? response.body : undefined;
      return found !== undefined;
    });
    return found!;
  }

  async function typesIn(accountId: string): Promise<string[]> {
    return (await store.readStream(`referral-${accountId}`)).map((e) => e.type);
  }

  async function scheduleOf(accountId: string): Promise<string[]> {
    return (await store.readStream(`schedule-${legalReviewWorkId(accountId)}`)).map((e) => e.type);
  }

  async function stageMessage(accountId: string, stage: string): Promise<LegalStageChangedV2> {
    const find = () => published.find((m) => m.key === accountId && m.headers['message-type'] === 'LegalStageChanged.v2' && (m.value as LegalStageChangedV2).stage === stage);
    await waitFor(`LegalStageChanged ${stage} for ${accountId}`, () => find() !== undefined, { timeoutMs: 5000 });
    return find()!.value as LegalStageChangedV2;
  }
});

/** Polls an async probe until it holds: waits for what it expects, never for a guessed time. */
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

function placed(accountId: string, placedAt: Date, amount = 750_050): AccountPlacedV1 {
  return {
    accountId,
    clientId: 'client-1',
    clientReference: `REF-${accountId.slice(0, 8)}`,
    commercial: true,
    debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY' },
    invoices: [
      { number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 300_000, currency: 'USD' },
      { number: 'INV-2', issueDate: '2026-02-01', dueDate: '2026-03-03', originalAmount: amount - 300_000, currency: 'USD' },
    ],
    currency: 'USD',
    placedAmount: amount,
    commissionRateBp: 2_500,
    placedAt: placedAt.toISOString(),
  };
}

/** What intake publishes when a payment that paid the account in full bounces. */
function reopening(accountId: string, reopenedAt: string, paymentId?: string): AccountReopenedV1 {
  return { accountId, clientId: 'client-1', previousClosingCode: 'paid-in-full', reason: 'payment-reversed', ...(paymentId ? { paymentId } : {}), balance: 750_050, reopenedAt };
}

function daysLater(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * 86_400_000).toISOString();
}
