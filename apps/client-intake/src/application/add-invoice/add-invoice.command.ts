import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { AddedInvoiceAnswer } from './add-invoice.request.dto';

/**
 * The client (or staff for it) adds an invoice to a placed account. The body is carried as
 * it came (`unknown`): the handler lists its field problems with the account's rules together.
 */
export class AddInvoice extends Command<AddedInvoiceAnswer> {
  constructor(
    readonly accountId: string,
    readonly body: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
