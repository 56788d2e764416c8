import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody } from '@nestjs/swagger';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { AddInvoice } from './add-invoice.command';
import { AddedInvoiceAnswer, AddInvoiceRequest } from './add-invoice.request.dto';

/** Another invoice of the same debtor joins a placed account. */
@Controller('accounts/:accountId/invoices')
export class AddInvoiceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiBody({ type: AddInvoiceRequest })
  @CommandEndpoint({
    roles: ['client', 'supervisor', 'accountant'],
    tag: 'accounts',
    uuidParams: ['accountId'],
    answer: AddedInvoiceAnswer,
    description: 'The invoice is on the account; payments opens it as a new open item.',
    problems: {
      400: 'Every invalid field and every rule the invoice breaks, listed in `problems`: not yet due (rule invoice-not-yet-due), another currency than the account\'s (currency-mismatch), a number the account already holds (invoice-already-on-account), due before issue, issued in the future.',
      404: 'No such account, or (for a client) not one of its own (rule account-unknown).',
      409: 'The account is closed (rule account-closed), or the invoice number was already placed by this client for the same debtor tax id on another account (rule placement-likely-duplicate, with `existingAccountId`).',
    },
  })
  // `unknown`, so the global pipe leaves the body to parseAddedInvoice, which lists field and account problems together.
  add(@UuidParam('accountId') accountId: string, @Body() body: unknown, @Ctx() context: CommandContext): Promise<AddedInvoiceAnswer> {
    return this.commands.execute(new AddInvoice(accountId, body, context));
  }
}
