import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { ATTORNEY_PANEL_STREAM, attorneyPanelDecider } from '../../domain/attorney-panel/attorney-panel.decider';
import type { LegalReferralDependencies } from '../../legal-referral.dependencies';
import { panelAttorneyView, PanelAttorneyView } from '../attorney-panel.view';
import { GetAttorneyPanel } from './get-attorney-panel.query';

/** The panel in the order attorneys joined it, folded by the decider that assigns cases. */
@QueryHandler(GetAttorneyPanel)
export class GetAttorneyPanelHandler implements IQueryHandler<GetAttorneyPanel> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: LegalReferralDependencies) {}

  async execute(): Promise<PanelAttorneyView[]> {
    const { state } = await aggregateStream(this.deps.eventStore, attorneyPanelDecider, ATTORNEY_PANEL_STREAM);
    return state.attorneys.map(panelAttorneyView);
  }
}
