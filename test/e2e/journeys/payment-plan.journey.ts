/**
 * Journey 13: a promise and a payment plan on one account. The debtor promises the first
 * installment and agrees a weekly plan for the balance; payments keep the promise and pay
 * the plan's installments; the last one pays the account in full, so payments announces it,
 * intake closes the account, and the case shows it closed with its plan completed. Checks
 * the test clock runs afterwards find nothing missed.
 */
import { Deployment } from './deployment';
import { Answer, as, call, eventually, onboardClient, placeAccount } from './journeys';

const ok = (answer: Answer) => (answer.status === 200 ? answer.body : undefined);
const DAY_MS = 86_400_000;
const dateAfter = (instant: string, days: number) => new Date(Date.parse(instant) + days * DAY_MS).toISOString().slice(0, 10);

export async function journeyPaymentPlan(d: Deployment, reference: string) {
  const client = await onboardClient(d, `Plan Journey ${reference}`);
  const accountId = await placeAccount(d, client, reference);
  const collector = as.staff('collector');
  const caseOf = () => call(d, 'debtor-contact', 'GET', `/cases/${accountId}`, { as: collector });
  await eventually('the contact case', async () => ok(await caseOf()));
  await eventually('the ledger', async () => ok(await call(d, 'payments', 'GET', `/ledgers/${accountId}`, { as: as.staff('accountant') })));

  // The journeys share one clock, which others move: the plan starts a week from wherever it stands.
  const { now } = (await call(d, 'debtor-contact', 'GET', '/test-clock', { as: as.staff('admin') })).body as { now: string };
  const firstDueDate = dateAfter(now, 7);
  const contact = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/contacts`, {
    as: collector,
    body: { channel: 'email', direction: 'inbound', outcome: 'right-party-contact', promise: { amount: 375_000, currency: 'USD', dueDate: firstDueDate } },
  });
  expect(contact.status).toBe(201);
  const plan = await call(d, 'debtor-contact', 'POST', `/cases/${accountId}/plans`, {
    as: collector,
    body: { currency: 'USD', frequency: 'weekly', firstDueDate, installments: [{ amount: 375_000 }, { amount: 375_050 }] },
    idempotencyKey: `plan-${reference}`,
  });
  expect(plan.status).toBe(201);
  expect(plan.body).toMatchObject({ total: 750_050, installments: [{ number: 1, dueDate: firstDueDate }, { number: 2, dueDate: dateAfter(`${firstDueDate}T00:00:00.000Z`, 7) }] });

  const pay = async (amount: number, key: string) => {
    const posted = await call(d, 'payments', 'POST', '/payments', { as: collector, body: { accountId, amount, currency: 'USD', method: 'ach' }, idempotencyKey: `${key}-${reference}` });
    expect(posted.status).toBe(201);
    return posted.body;
  };

  // The first installment, paid early, keeps the promise.
  await pay(375_000, 'first');
  const kept = await eventually('the promise kept and the installment counted', async () => {
    const shown = ok(await caseOf());
    return shown?.promises[0]?.status === 'kept' && shown.plans[0]?.paid === 375_000 ? shown : undefined;
  });
  expect(kept.plans[0]).toMatchObject({ status: 'active', missedInstallments: 0 });

  // Past the first installment's grace days: covered, nothing missed.
  await d.advanceClock({ days: 12 });
  expect(ok(await caseOf()).plans[0]).toMatchObject({ status: 'active', missedInstallments: 0 });

  // The last installment pays the account in full: the plan completes, intake closes the account, the case follows.
  const last = await pay(375_050, 'last');
  expect(last.balanceAfter).toBe(0);
  const closed = await eventually('the case closed paid in full with its plan completed', async () => {
    const shown = ok(await caseOf());
    return shown?.status === 'closed' && shown.plans[0]?.status === 'completed' ? shown : undefined;
  });
  expect(closed).toMatchObject({ closingCode: 'paid-in-full', plans: [{ total: 750_050, paid: 750_050, missedInstallments: 0 }] });
  const account = await eventually('the account closed in intake', async () => {
    const found = ok(await call(d, 'client-intake', 'GET', `/accounts/${accountId}`, { as: as.client(client.apiKey) }));
    return found?.status === 'closed' ? found : undefined;
  });
  expect(account.closingCode).toBe('paid-in-full');

  // The second installment's check runs on a completed plan: nothing missed, the promise still kept.
  await d.advanceClock({ days: 10 });
  expect(ok(await caseOf())).toMatchObject({ promises: [{ status: 'kept' }], plans: [{ status: 'completed', missedInstallments: 0 }] });
}
