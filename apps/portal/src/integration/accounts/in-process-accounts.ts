import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Clock } from '@lib/clock';
import type { CommandContext, Principal } from '@lib/es-core';
import { Refused } from '@lib/platform';
import { AgreePaymentPlan } from '../../../../debtor-contact/src/application/agree-payment-plan/agree-payment-plan.command';
import { GetCase } from '../../../../debtor-contact/src/application/get-case/get-case.query';
import { OpenDispute } from '../../../../debtor-contact/src/application/open-dispute/open-dispute.command';
import { GetLedger } from '../../../../payments/src/application/get-ledger/get-ledger.query';
import { PostPayment } from '../../../../payments/src/application/post-payment/post-payment.command';
import type { AccountSnapshot, PortalAccounts, Refusal, PlanAcceptor } from '../../portal.dependencies';
import { snapshotOf } from './snapshot';

/** Who the portal's commands are recorded as: the debtor acting through the portal, with a collector's rights on these two commands. */
export const PORTAL_PRINCIPAL: Principal = { role: 'collector', id: 'debtor-portal' };

/**
 * The all-in-one: debtor contact and payments are in this process, so their own command and
 * query handlers are called on the process's buses, the same ones their HTTP endpoints use.
 */
export class InProcessAccounts implements PortalAccounts {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  async snapshot(accountId: string): Promise<AccountSnapshot | null> {
    try {
      const [caseView, ledger] = await Promise.all([this.queries.execute(new GetCase(accountId)), this.queries.execute(new GetLedger(accountId))]);
      return snapshotOf(caseView, ledger);
    } catch (error) {
      if (error instanceof Refused && error.status === 404) return null;
      throw error;
    }
  }

  async postPayment(payment: { accountId: string; amount: number; currency: string; method: 'card' | 'ach'; providerReference: string }) {
    const { accountId, amount, currency, method, providerReference } = payment;
    try {
      const answer = await this.commands.execute(new PostPayment({ accountId, amount, currency, method }, this.context(providerReference)));
      return { paymentId: answer.paymentId, balanceAfter: answer.balanceAfter };
    } catch (error) {
      return refusalOf(error);
    }
  }

  async agreePlan(plan: { accountId: string; currency: string; frequency: string; firstDueDate: string; installments: number[]; proposalId: string }, acceptedBy?: PlanAcceptor) {
    try {
      const request = { currency: plan.currency, frequency: plan.frequency as 'weekly' | 'biweekly' | 'monthly', firstDueDate: plan.firstDueDate, installments: plan.installments.map((amount) => ({ amount })) };
      const context = acceptedBy ? this.context(`portal-plan-accepted:${plan.proposalId}`, acceptedBy) : this.context(`portal-plan:${plan.proposalId}`);
      const answer = await this.commands.execute(new AgreePaymentPlan(plan.accountId, request, context));
      return { planId: answer.planId };
    } catch (error) {
      return refusalOf(error);
    }
  }

  async openDispute(dispute: { accountId: string; disputeId: string; reason: string }) {
    try {
      const answer = await this.commands.execute(new OpenDispute(dispute.accountId, { reason: dispute.reason }, this.context(`portal-dispute:${dispute.disputeId}`)));
      return { disputeId: answer.disputeId };
    } catch (error) {
      return refusalOf(error);
    }
  }

  /** The causation id is the caller's key: a stream that already holds an event caused by it is not touched again. */
  private context(causationId: string, principal: Principal = PORTAL_PRINCIPAL): CommandContext {
    return { principal, correlationId: causationId, causationId, now: this.clock.now(), newId: this.newId, dedupeByCausation: true };
  }
}

function refusalOf(error: unknown): Refusal {
  if (error instanceof Refused) return { refused: error.rule, reason: error.message };
  throw error;
}
