import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, recordingRefusals, Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ATTORNEY_PANEL_STREAM, attorneyPanelDecider } from '../../domain/attorney-panel/attorney-panel.decider';
import { holderOf } from '../../domain/attorney-panel/attorney-panel.state';
import { debtorJurisdiction } from '../../domain/referral/attorney-jurisdiction.rule';
import { FORWARD_TO_ATTORNEY_RULES, forwardingRuleVersion, refusalToForward } from '../../domain/referral/forward-to-attorney.decide';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { releaseAttorneyCase } from '../attorney-panel.ports';
import { referralView, ReferralView } from '../referral.view';
import { ForwardToAttorney } from './forward-to-attorney.command';

/**
 * Two streams, in this order: the account's own reasons are asked first (they hold whoever
 * the attorney is, and a refusal must not take a place on anyone's caseload); then the panel
 * takes the place (one stream, so two forwardings racing for an attorney's last place are
 * decided one after the other); then the case records the forwarding. A crash between the
 * last two leaves the place taken: the retried forwarding finds it and goes to the same
 * attorney. If the case refuses after all (it changed in between), the place is given back.
 * A refusal is recorded on the account's compliance stream (`CommandRefused`, published as
 * CommandRefused.v1); nothing is stored on the referral. A forwarding recorded leaves the
 * rules it passed there too (`CommandAllowed`, published as CommandAllowed.v1).
 */
@CommandHandler(ForwardToAttorney)
export class ForwardToAttorneyHandler implements ICommandHandler<ForwardToAttorney> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  execute({ accountId, request, context }: ForwardToAttorney): Promise<ReferralView> {
    const target = { service: 'legal-referral', accountId, command: 'ForwardToAttorney', rulesChecked: FORWARD_TO_ATTORNEY_RULES, ruleVersion: forwardingRuleVersion };
    return recordingRefusals(this.deps.eventStore, target, context, () => this.forward(accountId, request, context));
  }

  private async forward(accountId: string, request: ForwardToAttorney['request'], context: ForwardToAttorney['context']): Promise<ReferralView> {
    const store = this.deps.eventStore;
    const { state: referral } = await aggregateStream(store, referralDecider, referralStreamId(accountId));
    if (referral.stage === 'none') throw new Refused({ rule: 'referral-unknown', reason: `no referral case for account ${accountId}` });
    const refusal = refusalToForward(referral, context.now);
    if (refusal) throw new Refused(refusal);

    const jurisdiction = debtorJurisdiction(referral.debtorCountry, referral.debtorRegion);
    const { state: panel } = await decideOrRefuse(store, attorneyPanelDecider, ATTORNEY_PANEL_STREAM, { type: 'AssignCase', accountId, jurisdiction, attorneyId: request.attorneyId ?? null, now: context.now }, context);
    const attorney = holderOf(panel, accountId);
    if (!attorney) throw new Error(`the panel assigned account ${accountId} but holds no place for it`);
    try {
      const { state } = await decideOrRefuse(
        store,
        referralDecider,
        referralStreamId(accountId),
        {
          type: 'ForwardToAttorney',
          attorneyId: attorney.attorneyId,
          attorneyName: attorney.firm,
          jurisdictions: attorney.jurisdictions,
          feeSchedule: { suitFee: attorney.suitFee, contingencyBp: attorney.contingencyBp },
          now: context.now,
        },
        context,
      );
      return referralView(accountId, state);
    } catch (error) {
      if (error instanceof Refused) await releaseAttorneyCase(store, accountId, `the forwarding was refused (${error.rule})`, context);
      throw error;
    }
  }
}
