import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { OnboardClientRequest, OnboardedClientAnswer } from './onboard-client.request.dto';

/** An admin onboards a creditor client with the default agreement. */
export class OnboardClient extends Command<OnboardedClientAnswer> {
  constructor(
    readonly request: OnboardClientRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
