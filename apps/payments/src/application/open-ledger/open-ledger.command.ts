import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { OpenLedger as OpenLedgerDecision } from '../../domain/ledger/ledger.commands';

/** Open an account's ledger with the invoices and the rate fixed at placement. */
export class OpenLedger extends Command<void> {
  constructor(
    readonly ledger: Omit<OpenLedgerDecision, 'type'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
