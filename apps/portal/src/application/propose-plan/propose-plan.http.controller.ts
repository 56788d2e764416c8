import { Body, Controller, Ip, Param, Post, Redirect, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lib/platform';
import { PortalPageFilter } from '../shared/portal-page';
import type { PortalRedirect } from '../check-portal-identity/check-portal-identity.request.dto';
import { ProposePlan } from './propose-plan.command';
import { PlanProposalForm } from './propose-plan.request.dto';

/** Public, guarded by the session token. */
@ApiExcludeController()
@Public()
@UseFilters(PortalPageFilter)
@Controller('portal/s')
export class ProposePlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':session/plans')
  @Redirect()
  propose(@Param('session') session: string, @Body() form: PlanProposalForm, @Ip() ip: string): Promise<PortalRedirect> {
    return this.commands.execute(new ProposePlan(session, form, ip));
  }
}
