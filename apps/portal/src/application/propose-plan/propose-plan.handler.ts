import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { judgePlanProposal } from '../../domain/plans/plan-proposal';
import { isRefusal } from '../../portal.dependencies';
import { accountPage } from '../../web/pages';
import { messagesFor } from '../../web/messages.en';
import { PortalAccess } from '../shared/portal-access';
import { PortalPageException } from '../shared/portal-page';
import type { PortalRedirect } from '../check-portal-identity/check-portal-identity.request.dto';
import { ProposePlan } from './propose-plan.command';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@CommandHandler(ProposePlan)
export class ProposePlanHandler implements ICommandHandler<ProposePlan> {
  constructor(private readonly access: PortalAccess) {}

  async execute({ session, form, ip }: ProposePlan): Promise<PortalRedirect> {
    const { deps } = this.access;
    const m = messagesFor();
    const verified = await this.access.session(session, ip);
    const account = await this.access.account(verified.accountId);
    const now = deps.clock.now();
    const today = now.toISOString().slice(0, 10);
    const sessionPath = `/portal/s/${session}`;
    const again = (key: string) => new PortalPageException(422, accountPage(m, deps.agency, { account, sessionPath, today, error: m.plan.invalid[key] }));
    if (!ISO_DATE.test(form.firstDueDate) || Number.isNaN(Date.parse(`${form.firstDueDate}T00:00:00Z`))) throw again('date-invalid');
    const judged = judgePlanProposal({ balance: account.balance, installmentCount: Number(form.installments), frequency: form.frequency, firstDueDate: form.firstDueDate, today, hasActivePlan: account.activePlan !== null });
    if (judged.kind === 'invalid') throw again(judged.reason);
    const proposalId = deps.newId();
    const proposal = { accountId: account.accountId, linkId: verified.linkId, proposalId, currency: account.currency, frequency: form.frequency, firstDueDate: form.firstDueDate, installments: judged.installments, now };
    if (judged.kind === 'queue') {
      await this.access.record({ type: 'ProposePlan', ...proposal, outcome: 'queued', reasons: judged.reasons, planId: null });
      return { url: `${sessionPath}?notice=plan-queued`, statusCode: 303 };
    }
    // Debtor contact's own command decides, with its terms and compliance rules; what it refuses goes to a collector.
    const agreed = await deps.accounts.agreePlan({ accountId: account.accountId, currency: account.currency, frequency: form.frequency, firstDueDate: form.firstDueDate, installments: judged.installments, proposalId });
    if (isRefusal(agreed)) {
      await this.access.record({ type: 'ProposePlan', ...proposal, outcome: 'queued', reasons: [agreed.refused], planId: null });
      return { url: `${sessionPath}?notice=plan-queued`, statusCode: 303 };
    }
    await this.access.record({ type: 'ProposePlan', ...proposal, outcome: 'accepted', reasons: [], planId: agreed.planId });
    return { url: `${sessionPath}?notice=plan-accepted`, statusCode: 303 };
  }
}
