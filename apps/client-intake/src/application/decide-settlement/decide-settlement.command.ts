import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { SettlementDecisionAnswer, SettlementDecisionRequest } from './decide-settlement.request.dto';

/** The calling client approves or declines a settlement on one of its accounts. */
export class DecideSettlement extends Command<SettlementDecisionAnswer> {
  constructor(
    readonly accountId: string,
    readonly settlementId: string,
    readonly decision: 'approved' | 'declined',
    readonly request: SettlementDecisionRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
