import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ATTORNEY_PANEL_STREAM, attorneyPanelDecider } from '../../domain/attorney-panel/attorney-panel.decider';
import { attorneyOnPanel } from '../../domain/attorney-panel/attorney-panel.state';
import type { LegalReferralDependencies } from '../../legal-referral.dependencies';
import { panelAttorneyView, PanelAttorneyView, termsOf } from '../attorney-panel.view';
import { UpdatePanelAttorney } from './update-panel-attorney.command';

/** New terms apply to forwardings from now on; a case already forwarded keeps the fee schedule it went with. */
@CommandHandler(UpdatePanelAttorney)
export class UpdatePanelAttorneyHandler implements ICommandHandler<UpdatePanelAttorney> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ attorneyId, request, context }: UpdatePanelAttorney): Promise<PanelAttorneyView> {
    const { state } = await decideOrRefuse(this.deps.eventStore, attorneyPanelDecider, ATTORNEY_PANEL_STREAM, { type: 'UpdatePanelAttorney', attorneyId, terms: termsOf(request), now: context.now }, context);
    const attorney = attorneyOnPanel(state, attorneyId);
    if (!attorney) throw new Error(`attorney ${attorneyId} was updated but is not on the panel`);
    return panelAttorneyView(attorney);
  }
}
