import { Body, Controller, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { UpdateDebtor } from './update-debtor.command';
import { DebtorUpdatedAnswer, UpdateDebtorRequest } from './update-debtor.request.dto';

/** The debtor's name, tax id, addresses, phones or emails as the client or the agency now knows them. */
@Controller('accounts/:accountId/debtor')
export class UpdateDebtorController {
  constructor(private readonly commands: CommandBus) {}

  @Patch()
  @CommandEndpoint({
    roles: ['client', 'collector', 'supervisor'],
    status: 200,
    tag: 'accounts',
    uuidParams: ['accountId'],
    answer: DebtorUpdatedAnswer,
    description: 'The debtor as it is now; debtor contact replaces the case\'s contacts with it, their do-not-contact flags applying from then on.',
    problems: {
      404: 'No such account, or (for a client) not one of its own (rule account-unknown).',
      409: "The account is closed (rule account-closed), or a new tax id under which another of this client's accounts holds one of this account's invoice numbers (rule placement-likely-duplicate, with `existingAccountId`).",
      422: 'No field to change (rule debtor-update-empty).',
    },
  })
  update(@UuidParam('accountId') accountId: string, @Body() body: UpdateDebtorRequest, @Ctx() context: CommandContext): Promise<DebtorUpdatedAnswer> {
    return this.commands.execute(new UpdateDebtor(accountId, body, context));
  }
}
