import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { ReportSkip } from './report-skip.command';
import { ReportSkipRequest, SkipReportedAnswer } from './report-skip.request.dto';

/** A collector records a wrong number or returned mail: the account is in skip until new contact data is found. */
@Controller('cases/:accountId/skip')
export class ReportSkipController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['collector', 'supervisor'], tag: 'holds and disputes', uuidParams: ['accountId'], answer: SkipReportedAnswer, description: 'The account is in skip.',
    problems: { 404: 'No contact case for the account (case-unknown).', 409: 'The case is closed (case-closed).' },
  })
  report(@UuidParam('accountId') accountId: string, @Body() body: ReportSkipRequest, @Ctx() context: CommandContext): Promise<SkipReportedAnswer> {
    return this.commands.execute(new ReportSkip(accountId, body, context));
  }
}
