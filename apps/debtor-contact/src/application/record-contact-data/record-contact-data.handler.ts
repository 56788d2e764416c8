import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { holdsDecider } from '../../domain/holds/holds.decider';
import { RecordContactData } from './record-contact-data.command';
import type { ContactDataRecordedAnswer } from './record-contact-data.request.dto';

@CommandHandler(RecordContactData)
export class RecordContactDataHandler implements ICommandHandler<RecordContactData> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, request, context }: RecordContactData): Promise<ContactDataRecordedAnswer> {
    const { source, phones = [], emails = [], addresses = [] } = request;
    const { events } = await decideOrRefuse(
      this.deps.eventStore,
      holdsDecider,
      contactStreamId(accountId),
      {
        type: 'RecordContactData',
        source,
        phones: phones.map(({ number, consent }) => ({ number, consent })),
        emails: [...emails],
        addresses: addresses.map(({ lines, city, region, postalCode, country }) => ({ lines: [...lines], city, country, ...(region ? { region } : {}), ...(postalCode ? { postalCode } : {}) })),
        now: context.now,
      },
      context,
    );
    return { accountId, liftedHolds: events.flatMap((event) => (event.type === 'AccountHoldLifted' ? [event.data.holdId] : [])) };
  }
}
