import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import type { ContactDependencies } from '../../debtor-contact.dependencies';
import { caseMessagesFor } from './case-messages';
import type { LetterView } from './letter.view';
import { ListLetters } from './list-letters.query';

/** Every letter decided for the case, oldest first, from the case's own events. */
@QueryHandler(ListLetters)
export class ListLettersHandler implements IQueryHandler<ListLetters> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, principal }: ListLetters): Promise<LetterView[]> {
    const { messages } = await caseMessagesFor(this.deps, accountId, principal);
    return Object.values(messages)
      .filter((message) => message.queued.channel === 'letter')
      .map(({ queued, status, sentAt, contentSha256 }) => ({
        letterId: queued.messageId,
        purpose: queued.purpose,
        templateId: queued.templateId,
        templateVersion: queued.templateVersion,
        status,
        queuedAt: queued.queuedAt,
        sentAt: sentAt ?? null,
        contentSha256: contentSha256 ?? null,
        href: `/accounts/${accountId}/letters/${queued.messageId}.pdf`,
      }));
  }
}
