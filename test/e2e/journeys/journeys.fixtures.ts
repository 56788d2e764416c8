import { Deployment } from './deployment';
import { journeyAgreementCommission, journeyAudit, journeyBadInput, journeyBouncedPayment, journeyIsolation, journeyLegal, journeyPaid } from './journeys';
import { journeyDirectPayment, journeyRecallRefusedAndForced } from './after-placement.journey';
import { journeyWebhook } from './webhooks.journey';
import { journeyMigrationImport } from './migration.journey';
import { journeyAccountChanges } from './account-changes.journey';
import { journeyPaymentPlan } from './payment-plan.journey';
import { journeyBankruptcy, journeyDispute } from './holds.journey';
import { journeyBulkFileWithBadRows } from './bulk-placement.journey';
import { journeyCostAdvance, journeyRemittanceMonth } from './money.journey';
import { journeyStatuteOfLimitations } from './statute.journey';
import { journeySettlement } from './settlement.journey';
import { journeyWriteOff } from './write-off.journey';
import { journeyCollectorDay } from './collector-day.journey';

/**
 * Declares the journeys against a deployment started once for the suite. Each journey
 * onboards its own client and places its own accounts, so one failing does not fail the
 * others.
 */
export function describeJourneys(start: () => Promise<Deployment>): void {
  let deployment: Deployment;
  beforeAll(async () => {
    deployment = await start();
  }, 120_000);
  afterAll(async () => {
    await deployment?.stop();
  }, 60_000);

  it('1. paid: placed, noticed, promised, paid, closed and reported', async () => {
    const paid = await journeyPaid(deployment, `PAID-${Date.now()}`);
    process.stdout.write(`journey 1 (${deployment.mode}): placement to read model in ${paid.placementToReadModelMs} ms\n`);
  }, 120_000);

  it('2. legal: 45 days without payment, recommended, approved, authorized, forwarded to a panel attorney, sued to judgment with its court costs as cost advances, collected at the legal rate, in the pipeline, the legal rate ended at the closing', async () => {
    await journeyLegal(deployment, `LEGAL-${Date.now()}`);
  }, 120_000);

  it('3. audit: the full history in order, with actors and ids, and tamper evidence', async () => {
    await journeyAudit(deployment, `AUDIT-${Date.now()}`);
  }, 120_000);

  it("4. isolation: another client's key reaches nothing; roles are enforced", async () => {
    await journeyIsolation(deployment, `ISOLATION-${Date.now()}`);
  }, 120_000);

  it('5. bad input: every error listed, nothing written anywhere', async () => {
    await journeyBadInput(deployment);
  }, 120_000);

  it('6. bounced payment: the account reopens everywhere, is worked again, and closes again when paid off', async () => {
    await journeyBouncedPayment(deployment, `BOUNCE-${Date.now()}`);
  }, 120_000);

  it('7. agreement change -> commission: the plan in force at each payment, a later version from its date only', async () => {
    await journeyAgreementCommission(deployment, `AGREEMENT-${Date.now()}`);
  }, 120_000);

  it('8. webhook: delivered, retried after failures and verified by signature', async () => {
    await journeyWebhook(deployment, `HOOK-${Date.now()}`);
  }, 120_000);

  it('9. recall refused and forced: refused while a payment is in its hold, forced by a supervisor, collection stops everywhere, the fee is owed', async () => {
    await journeyRecallRefusedAndForced(deployment, `RECALL-${Date.now()}`);
  }, 120_000);

  it('10. direct payment: reported by the client, posted as direct, commission owed by the client, pays the account off', async () => {
    await journeyDirectPayment(deployment, `DIRECT-${Date.now()}`);
  }, 120_000);

  it('11. migration import: placed 400 days ago with two earlier payments, commission by the age and plan of each business date, the history shows both dates', async () => {
    await journeyMigrationImport(deployment, `MIGRATION-${Date.now()}`);
  }, 120_000);

  it('12. account changes: an invoice added, the balance adjusted, the debtor updated; payments, contact and reports follow', async () => {
    await journeyAccountChanges(deployment, `CHANGES-${Date.now()}`);
  }, 120_000);

  it('13. payment plan: a promise kept and a weekly plan paid through payments; the last installment pays the account in full, intake closes it, the case shows the plan completed', async () => {
    await journeyPaymentPlan(deployment, `PLAN-${Date.now()}`);
  }, 120_000);

  it('14. bankruptcy: every channel stopped, the legal review refuses (not-bankrupt), the discharge closes the account as bankrupt everywhere', async () => {
    await journeyBankruptcy(deployment, `BANKRUPT-${Date.now()}`);
  }, 120_000);

  it('15. dispute: the client disputes through its API, the legal review refuses (not-disputed) until the dispute is rejected; an upheld one adjusts the balance everywhere', async () => {
    await journeyDispute(deployment, `DISPUTE-${Date.now()}`);
  }, 120_000);

  it('16. bulk file with bad rows: placed through the typed client, 202 at once, an account id for each good row and every problem of each bad row, the good accounts in reporting', async () => {
    await journeyBulkFileWithBadRows(deployment, `BULK-${Date.now()}`);
  }, 120_000);

  it('17. remittance: a month of payments under net, gross and combined agreements, a direct payment invoiced, a reversal after remittance clawed back on the next statement, statements downloaded byte-identical to the hashes issued', async () => {
    await journeyRemittanceMonth(deployment, `REMIT-${Date.now()}`);
  }, 180_000);

  it('18. cost advance: requested from the client, received into trust, spent, recovered in the judgment and the rest refunded, out of the debt and commission', async () => {
    await journeyCostAdvance(deployment, `ADVANCE-${Date.now()}`);
  }, 120_000);

  it('19. statute of limitations: a time-barred account never forwarded and closed time-barred; a bankruptcy stay tolls the clock, recorded by legal or filed in debtor contact', async () => {
    await journeyStatuteOfLimitations(deployment, `SOL-${Date.now()}`);
  }, 120_000);

  it("20. collector's day: a default commercial cadence over 55 days of test clock with a hold in the middle, a queue reordered by a broken promise, a plan that defaults, a recall stopping a cadence, the 8th call in 7 days and a call within 7 days of a conversation refused with their rules, a written dispute in the validation period pausing collection, allows and denies in the compliance ledger, the validation notice received by SMTP and its letter PDF downloaded with its itemization", async () => {
    await journeyCollectorDay(deployment, `DAY-${Date.now()}`);
  }, 240_000);

  it('21. settlement: offered beyond authority, approved by a supervisor and by the client through its API, paid; the rest written off and the account closed as settled everywhere, reports included', async () => {
    await journeySettlement(deployment, `SETTLE-${Date.now()}`);
  }, 120_000);

  it('22. write-off: part of the balance approved by a supervisor lowers it through payments; the whole rest approved closes the account as written-off everywhere, reports included', async () => {
    await journeyWriteOff(deployment, `WRITEOFF-${Date.now()}`);
  }, 120_000);
}
