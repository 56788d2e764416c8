import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { RemittanceRunAnswer } from './run-remittance.request.dto';

/**
 * Remit a client's period: issue its statements (docs/payments.md, "Remittance runs").
 * `scheduled`: the scheduler's monthly run, which starts where a run by hand left off
 * instead of being refused for overlapping it.
 */
export class RunRemittance extends Command<RemittanceRunAnswer> {
  constructor(
    readonly clientId: string,
    readonly periodStart: string,
    readonly periodEnd: string,
    readonly context: CommandContext,
    readonly scheduled = false,
  ) {
    super();
  }
}
