import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** The client adjusted the account's balance (through intake), with a reason; `amount` is signed minor units. */
export class RecordBalanceAdjustment extends Command<unknown> {
  constructor(
    readonly accountId: string,
    readonly adjustment: { adjustmentId: string; amount: number; currency: string; reason: string; kind?: 'settlement-write-off' | 'write-off' },
    readonly context: CommandContext,
  ) {
    super();
  }
}
