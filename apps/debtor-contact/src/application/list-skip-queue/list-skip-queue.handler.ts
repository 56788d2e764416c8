import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RecordedEvent } from '@lib/es-core';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountIdOfStream, ContactDependencies } from '../../debtor-contact.dependencies';
import type { ContactCaseEvent } from '../../domain/contact-case/contact-case.events';
import { ListSkipQueue } from './list-skip-queue.query';
import type { SkipQueueEntryView } from './skip-queue.view';

const PAGE = 1000;

/**
 * Folds the service's log for skip holds placed and not lifted, on accounts not closed.
 * It reads the whole log on each request (see docs/debtor-contact.md, "Known gaps").
 */
@QueryHandler(ListSkipQueue)
export class ListSkipQueueHandler implements IQueryHandler<ListSkipQueue> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute(): Promise<SkipQueueEntryView[]> {
    const inSkip = new Map<string, SkipQueueEntryView>();
    let after: bigint | undefined;
    for (;;) {
      const page = await this.deps.eventStore.readAll({ after, limit: PAGE });
      for (const stored of page) if (accountIdOfStream(stored.streamId)) follow(inSkip, stored as RecordedEvent<ContactCaseEvent>);
      if (page.length < PAGE) break;
      after = page[page.length - 1].globalPosition;
    }
    return [...inSkip.values()].sort((a, b) => a.since.localeCompare(b.since) || a.accountId.localeCompare(b.accountId));
  }
}

function follow(inSkip: Map<string, SkipQueueEntryView>, event: RecordedEvent<ContactCaseEvent>): void {
  switch (event.type) {
    case 'AccountHoldPlaced': {
      const { accountId, clientId, holdId, skip, placedAt } = event.data;
      if (skip) inSkip.set(accountId, { accountId, clientId, holdId, evidence: skip.evidence, detail: skip.detail, since: placedAt });
      return;
    }
    case 'AccountHoldLifted':
      if (inSkip.get(event.data.accountId)?.holdId === event.data.holdId) inSkip.delete(event.data.accountId);
      return;
    case 'ContactCaseClosed':
      inSkip.delete(event.data.accountId);
      return;
  }
}
