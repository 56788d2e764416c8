import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, clientStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { clientDecider } from '../../domain/client/client.decider';
import { RecallAccount } from './recall-account.command';
import type { RecallAnswer } from './recall-account.request.dto';
import { recallTermsAt } from './recall-terms';

/** Reads the client's agreement in force for the hold days and the fee, then lets the account decide. */
@CommandHandler(RecallAccount)
export class RecallAccountHandler implements ICommandHandler<RecallAccount> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, request, context }: RecallAccount): Promise<RecallAnswer> {
    if (request.force && !request.reason) throw new Refused({ rule: 'recall-force-needs-reason', reason: 'a forced recall needs a reason' });
    const { state: account } = await aggregateStream(this.deps.eventStore, accountDecider, accountStreamId(accountId));
    // An unknown account: the decider refuses it below; the terms do not matter.
    const clientId = account.status === 'none' ? undefined : account.placement.clientId;
    const currency = account.status === 'none' ? 'XXX' : account.placement.currency;
    const client = clientId ? (await aggregateStream(this.deps.eventStore, clientDecider, clientStreamId(clientId))).state : clientDecider.initialState();
    const { principal } = context;
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      accountDecider,
      accountStreamId(accountId),
      {
        type: 'RecallAccount',
        requester: { role: principal.role, id: principal.id },
        force: request.force ? { reason: request.reason as string } : null,
        terms: recallTermsAt(client, currency, context.now),
        now: context.now,
      },
      context,
    );
    const recalled = events.find((event) => event.type === 'AccountRecalled');
    if (recalled?.type !== 'AccountRecalled') throw new Error(`the recall of account ${accountId} was accepted but not recorded`);
    const { workBegan, cancellationFee, forced } = recalled.data;
    return { accountId, closingCode: 'recalled', workBegan, cancellationFee, currency: recalled.data.currency, overrides: forced?.overrides ?? [] };
  }
}
