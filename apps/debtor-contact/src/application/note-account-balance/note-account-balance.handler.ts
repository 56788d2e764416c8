import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, settlementsStreamId } from '../../debtor-contact.dependencies';
import { settlementDecider } from '../../domain/settlements/settlement.decider';
import { NoteAccountBalance } from './note-account-balance.command';

@CommandHandler(NoteAccountBalance)
export class NoteAccountBalanceHandler implements ICommandHandler<NoteAccountBalance> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, change, context }: NoteAccountBalance): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, settlementDecider, settlementsStreamId(accountId), { type: 'NoteAccountBalance', accountId, ...change }, context);
  }
}
