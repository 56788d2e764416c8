import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { SettlementPaidV1 } from '@lib/contracts';

/** Debtor contact says an approved settlement is paid: the rest is written off and the account closes `settled`. */
export class CloseSettledAccount extends Command<void> {
  constructor(
    readonly paid: SettlementPaidV1,
    readonly context: CommandContext,
  ) {
    super();
  }
}
