import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { RecordClientAuthorization as RecordClientAuthorizationDecision } from '../../domain/referral/referral.commands';

/** The client authorized suit on the account (through client-intake). */
export class RecordClientAuthorization extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly authorization: Omit<RecordClientAuthorizationDecision, 'type'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
