import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { cadenceStreamId, ContactDependencies, contactStreamId, promisesStreamId, strategiesStreamId } from '../../debtor-contact.dependencies';
import { cadenceDecider } from '../../domain/cadences/cadence.decider';
import { clientStrategiesDecider } from '../../domain/cadences/client-strategies.decider';
import { chooseStrategy, PaymentHistory } from '../../domain/cadences/contact-strategy';
import { communicationsDecider } from '../../domain/communications/communications.decider';
import { promiseDecider } from '../../domain/promises/promise.decider';
import { syncCadenceWork } from '../cadence-work';
import { StartCadence } from './start-cadence.command';

const DAY_MS = 86_400_000;

/**
 * Chooses the strategy from what the service knows of the account when its case opens:
 * commercial or consumer, the category as placed, balance (the placed amount), age (days
 * from the oldest invoice's due date to the opening) and payment history (the account's
 * promises so far), under the client's rules of that moment.
 */
@CommandHandler(StartCadence)
export class StartCadenceHandler implements ICommandHandler<StartCadence> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ accountId, segment, context }: StartCadence): Promise<void> {
    const store = this.deps.eventStore;
    const { state: communications } = await aggregateStream(store, communicationsDecider, contactStreamId(accountId));
    const contactCase = communications.contactCase;
    if (contactCase.status !== 'open') return;
    const { state: client } = await aggregateStream(store, clientStrategiesDecider, strategiesStreamId(contactCase.clientId));
    const { state: promises } = await aggregateStream(store, promiseDecider, promisesStreamId(accountId));
    const ageDays = segment.oldestDueDate ? Math.max(0, Math.floor((Date.parse(contactCase.openedAt) - Date.parse(`${segment.oldestDueDate}T00:00:00.000Z`)) / DAY_MS)) : 0;
    const outcomes = promises.promises.map((promise) => promise.status);
    const paymentHistory: PaymentHistory = outcomes.includes('broken') ? 'broken-promises' : outcomes.includes('kept') ? 'kept-promises' : 'none';
    const { strategy, reason } = chooseStrategy(client.version > 0 ? client : undefined, { commercial: contactCase.commercial, category: segment.category, balance: contactCase.placedAmount, ageDays, paymentHistory });
    const { state } = await decideOrRefuse(store, cadenceDecider, cadenceStreamId(accountId), { type: 'StartCadence', accountId, clientId: contactCase.clientId, strategy, reason, openedAt: contactCase.openedAt, now: context.now }, context);
    await syncCadenceWork(this.scheduler, state, context);
  }
}
