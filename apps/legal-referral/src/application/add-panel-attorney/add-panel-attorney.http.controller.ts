import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx } from '@lib/platform';
import { PanelAttorneyRequest } from '../add-panel-attorney/add-panel-attorney.request.dto';
import { PanelAttorneyView } from '../attorney-panel.view';
import { AddPanelAttorney } from './add-panel-attorney.command';

/** An admin adds a receiving attorney to the panel: its firm, the states it covers, its fees and its capacity. */
@Controller('attorneys')
export class AddPanelAttorneyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['admin'], tag: 'attorneys', answer: PanelAttorneyView, description: 'The attorney on the panel, with its new id.' })
  add(@Body() body: PanelAttorneyRequest, @Ctx() context: CommandContext): Promise<PanelAttorneyView> {
    return this.commands.execute(new AddPanelAttorney(body, context));
  }
}
