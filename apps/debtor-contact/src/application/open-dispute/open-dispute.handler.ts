import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { disputesDecider } from '../../domain/disputes/disputes.decider';
import { OpenDispute } from './open-dispute.command';
import type { DisputeOpenedAnswer } from './open-dispute.request.dto';

/**
 * Who opens it is who calls: a client opens its own dispute (and is answered 404 for
 * another client's account, as for a missing one); staff record the debtor's.
 */
@CommandHandler(OpenDispute)
export class OpenDisputeHandler implements ICommandHandler<OpenDispute> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, request, context }: OpenDispute): Promise<DisputeOpenedAnswer> {
    const byClient = context.principal.role === 'client';
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      disputesDecider,
      contactStreamId(accountId),
      {
        type: 'OpenDispute',
        disputeId: this.deps.newId(),
        holdId: this.deps.newId(),
        openedBy: byClient ? 'client' : 'debtor',
        ...(byClient ? { clientId: context.principal.id } : {}),
        invoices: (request.invoices ?? []).map(({ invoiceNumber, amount }) => ({ invoiceNumber, amount })),
        reason: request.reason,
        written: request.written === true,
        now: context.now,
      },
      context,
    );
    const opened = events.find((event) => event.type === 'DisputeOpened');
    if (opened?.type !== 'DisputeOpened') throw new Error(`the dispute on account ${accountId} was accepted but not recorded`);
    const { disputeId, holdId, openedBy, amount, currency } = opened.data;
    return { accountId, disputeId, holdId, openedBy, amount, currency };
  }
}
