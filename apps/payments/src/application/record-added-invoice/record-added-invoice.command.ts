import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { LedgerInvoice } from '../../domain/ledger/ledger.events';

/** The client added an invoice to the account (through intake): one more open item on the ledger. */
export class RecordAddedInvoice extends Command<unknown> {
  constructor(
    readonly accountId: string,
    readonly invoice: LedgerInvoice & { currency: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
