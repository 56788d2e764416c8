import { Command } from '@nestjs/cqrs';

/** The debtor opens its personal link: the identity check's page, and the opening on the trail. */
export class OpenPortalLink extends Command<string> {
  constructor(
    readonly token: string,
    readonly ip: string,
  ) {
    super();
  }
}
