import type { PortalPaymentMethod } from '../../domain/access/portal-access.events';
import type { AccountSnapshot, PlanAcceptor, PortalAccounts, Refusal } from '../../portal.dependencies';
import { CaseRead, LedgerRead, snapshotOf } from './snapshot';

/**
 * The portal in its own process: debtor contact's and payments' HTTP APIs, called with a
 * staff token the portal mints for itself (`authorization()`), and an Idempotency-Key
 * that is the provider's reference, so a repeated webhook posts nothing twice.
 */
export class HttpAccounts implements PortalAccounts {
  constructor(
    private readonly urls: { debtorContact: string; payments: string },
    /** A bearer token of the portal's own (`debtor-portal`), or of the staff member named, for whom the portal acts. */
    private readonly authorization: (actingFor?: PlanAcceptor) => string,
    private readonly timeoutMs = 10_000,
  ) {}

  async snapshot(accountId: string): Promise<AccountSnapshot | null> {
    const id = encodeURIComponent(accountId);
    const [caseAnswer, ledgerAnswer] = await Promise.all([this.call('GET', `${this.urls.debtorContact}/cases/${id}`), this.call('GET', `${this.urls.payments}/ledgers/${id}`)]);
    if (caseAnswer.status === 404 || ledgerAnswer.status === 404) return null;
    if (caseAnswer.status !== 200 || ledgerAnswer.status !== 200) throw new Error(`reading account ${accountId}: case ${caseAnswer.status}, ledger ${ledgerAnswer.status}`);
    return snapshotOf(caseAnswer.body as CaseRead, ledgerAnswer.body as LedgerRead);
  }

  async postPayment(payment: { accountId: string; amount: number; currency: string; method: PortalPaymentMethod; providerReference: string }) {
    const { accountId, amount, currency, method, providerReference } = payment;
    const answer = await this.call('POST', `${this.urls.payments}/payments`, { accountId, amount, currency, method }, providerReference);
    if (answer.status === 201) return { paymentId: String(field(answer.body, 'paymentId')), balanceAfter: Number(field(answer.body, 'balanceAfter')) };
    return refusalOf(answer);
  }

  async agreePlan(plan: { accountId: string; currency: string; frequency: string; firstDueDate: string; installments: number[]; proposalId: string }, acceptedBy?: PlanAcceptor) {
    const body = { currency: plan.currency, frequency: plan.frequency, firstDueDate: plan.firstDueDate, installments: plan.installments.map((amount) => ({ amount })) };
    const key = acceptedBy ? `portal-plan-accepted:${plan.proposalId}` : `portal-plan:${plan.proposalId}`;
    const answer = await this.call('POST', `${this.urls.debtorContact}/cases/${encodeURIComponent(plan.accountId)}/plans`, body, key, acceptedBy);
    if (answer.status === 201) return { planId: String(field(answer.body, 'planId')) };
    return refusalOf(answer);
  }

  async openDispute(dispute: { accountId: string; disputeId: string; reason: string }) {
    const answer = await this.call('POST', `${this.urls.debtorContact}/accounts/${encodeURIComponent(dispute.accountId)}/disputes`, { reason: dispute.reason }, `portal-dispute:${dispute.disputeId}`);
    if (answer.status === 201) return { disputeId: String(field(answer.body, 'disputeId')) };
    return refusalOf(answer);
  }

  private async call(method: string, url: string, body?: unknown, idempotencyKey?: string, actingFor?: PlanAcceptor): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { accept: 'application/json', authorization: this.authorization(actingFor) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(this.timeoutMs) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : {} };
  }
}

function field(body: unknown, name: string): unknown {
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
}

function refusalOf(answer: { status: number; body: unknown }): Refusal {
  const rule = field(answer.body, 'rule');
  // Only a business refusal is the domain's answer; anything else is the other service failing.
  if (typeof rule === 'string' && answer.status >= 400 && answer.status < 500) return { refused: rule, reason: String(field(answer.body, 'detail') ?? '') };
  throw new Error(`the service answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}
