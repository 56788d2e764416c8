import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { PanelAttorneyRequest } from '../add-panel-attorney/add-panel-attorney.request.dto';
import type { PanelAttorneyView } from '../attorney-panel.view';

/** An admin changes a panel attorney's terms, whole. */
export class UpdatePanelAttorney extends Command<PanelAttorneyView> {
  constructor(
    readonly attorneyId: string,
    readonly request: PanelAttorneyRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
