import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ATTORNEY_PANEL_STREAM, attorneyPanelDecider } from '../../domain/attorney-panel/attorney-panel.decider';
import { attorneyOnPanel } from '../../domain/attorney-panel/attorney-panel.state';
import type { LegalReferralDependencies } from '../../legal-referral.dependencies';
import { panelAttorneyView, PanelAttorneyView, termsOf } from '../attorney-panel.view';
import { AddPanelAttorney } from './add-panel-attorney.command';

/** The attorney gets a new id; with an Idempotency-Key a retry is answered the first answer, so it is added once. */
@CommandHandler(AddPanelAttorney)
export class AddPanelAttorneyHandler implements ICommandHandler<AddPanelAttorney> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute({ request, context }: AddPanelAttorney): Promise<PanelAttorneyView> {
    const attorneyId = this.deps.newId();
    const { state } = await decideOrRefuse(this.deps.eventStore, attorneyPanelDecider, ATTORNEY_PANEL_STREAM, { type: 'AddPanelAttorney', attorneyId, terms: termsOf(request), now: context.now }, context);
    const attorney = attorneyOnPanel(state, attorneyId);
    if (!attorney) throw new Error(`attorney ${attorneyId} was added but is not on the panel`);
    return panelAttorneyView(attorney);
  }
}
