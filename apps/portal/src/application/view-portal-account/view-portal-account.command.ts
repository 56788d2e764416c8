import { Command } from '@nestjs/cqrs';

/** The debtor's account page (a command: each view is on the account's trail). */
export class ViewPortalAccount extends Command<string> {
  constructor(
    readonly session: string,
    readonly notice: string | undefined,
    readonly ip: string,
  ) {
    super();
  }
}
