import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ReferralView } from '../referral.view';
import type { ForwardToAttorneyRequest } from './forward-to-attorney.request.dto';

/** Forward an authorized account to a receiving attorney of the debtor's jurisdiction. */
export class ForwardToAttorney extends Command<ReferralView> {
  constructor(
    readonly accountId: string,
    readonly request: ForwardToAttorneyRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
