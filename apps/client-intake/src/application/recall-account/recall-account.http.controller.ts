import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { RecallAccount } from './recall-account.command';
import { RecallAccountRequest, RecallAnswer } from './recall-account.request.dto';

/** The client withdraws one of its accounts; a supervisor may do it for the client, and force it. */
@Controller('accounts/:accountId/recall')
export class RecallAccountController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['client', 'supervisor'],
    tag: 'accounts',
    uuidParams: ['accountId'],
    status: 200,
    answer: RecallAnswer,
    description: 'The account is closed as recalled; the cancellation fee owed is in the answer.',
    problems: {
      403: 'Only a supervisor may force a recall (rule recall-force-supervisor-only).',
      404: 'No such account of this client (rule account-unknown).',
      409: 'The account is closed (rule account-closed); a payment is inside its cleared-funds hold (rule recall-payment-in-hold), a payment plan is active (recall-plan-active) or a dispute is open (recall-dispute-open): a supervisor may force it with a reason.',
      422: 'A forced recall without a reason (rule recall-force-needs-reason).',
    },
  })
  recall(@UuidParam('accountId') accountId: string, @Body() body: RecallAccountRequest, @Ctx() context: CommandContext): Promise<RecallAnswer> {
    return this.commands.execute(new RecallAccount(accountId, body, context));
  }
}
