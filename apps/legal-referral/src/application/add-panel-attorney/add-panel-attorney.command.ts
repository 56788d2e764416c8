import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { PanelAttorneyRequest } from '../add-panel-attorney/add-panel-attorney.request.dto';
import type { PanelAttorneyView } from '../attorney-panel.view';

/** An admin adds a receiving attorney to the agency's panel. */
export class AddPanelAttorney extends Command<PanelAttorneyView> {
  constructor(
    readonly request: PanelAttorneyRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
