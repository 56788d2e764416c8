import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { OfferSettlementRequest, SettlementAnswer } from './offer-settlement.request.dto';

/** A collector or supervisor offers the debtor of the account's case a settlement. */
export class OfferSettlement extends Command<SettlementAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: OfferSettlementRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
