import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { PanelAttorneyRequest } from '../add-panel-attorney/add-panel-attorney.request.dto';
import { PanelAttorneyView } from '../attorney-panel.view';
import { UpdatePanelAttorney } from './update-panel-attorney.command';

/** An admin replaces a panel attorney's terms: firm, states, fees, capacity. */
@Controller('attorneys/:attorneyId')
export class UpdatePanelAttorneyController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @CommandEndpoint({ roles: ['admin'], tag: 'attorneys', uuidParams: ['attorneyId'], status: 200, answer: PanelAttorneyView, description: 'The attorney with its new terms.', problems: { 404: 'No such attorney on the panel (rule attorney-unknown).' } })
  update(@UuidParam('attorneyId') attorneyId: string, @Body() body: PanelAttorneyRequest, @Ctx() context: CommandContext): Promise<PanelAttorneyView> {
    return this.commands.execute(new UpdatePanelAttorney(attorneyId, body, context));
  }
}
