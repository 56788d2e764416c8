import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody } from '@nestjs/swagger';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx } from '@lib/platform';
import { ImportAccount } from './import-account.command';
import { ImportAccountRequest, ImportAnswer } from './import-account.request.dto';

/** An admin imports one account from the system the agency moves from, with its original dates. */
@Controller('migrations/accounts')
export class ImportAccountController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiBody({ type: ImportAccountRequest })
  @CommandEndpoint({
    roles: ['admin'],
    tag: 'migrations',
    answer: ImportAnswer,
    description: 'Placed as of its original day, its earlier payments handed to payments, closed if its status says so.',
    problems: {
      400: 'Every invalid field and contradiction, listed in `problems`: those of a placement (judged as of placedOn: every invoice issued and due by then), placedOn not in the past, a payment or the closure outside placedOn..today, a payment after the closure, payments above the principal.',
      404: 'No such client (rule client-unknown).',
      409: 'The client reference was already placed or imported (rule client-reference-unique), or an invoice of it was placed for the debtor under another reference (rule placement-likely-duplicate).',
    },
  })
  // `unknown`, so the global pipe leaves the body to parseImport, which lists field and cross-field problems together.
  import(@Body() body: unknown, @Ctx() context: CommandContext): Promise<ImportAnswer> {
    return this.commands.execute(new ImportAccount(body, context));
  }
}
