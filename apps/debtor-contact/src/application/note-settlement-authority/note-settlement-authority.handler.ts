import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, settlementAuthorityStreamId } from '../../debtor-contact.dependencies';
import { settlementAuthorityDecider } from '../../domain/settlements/settlement-authority';
import { NoteSettlementAuthority } from './note-settlement-authority.command';

@CommandHandler(NoteSettlementAuthority)
export class NoteSettlementAuthorityHandler implements ICommandHandler<NoteSettlementAuthority> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ version, context }: NoteSettlementAuthority): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, settlementAuthorityDecider, settlementAuthorityStreamId(version.clientId), { type: 'NoteSettlementAuthority', ...version }, context);
  }
}
