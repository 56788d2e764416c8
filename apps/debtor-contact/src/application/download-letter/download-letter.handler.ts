import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import type { ContactDependencies } from '../../debtor-contact.dependencies';
import { renderMessage } from '../../integration/communications/render-message';
import { caseMessagesFor } from '../list-letters/case-messages';
import { DownloadLetter } from './download-letter.query';

/** The rendering of a sent letter no longer matches the hash recorded when it was sent (the template or renderer changed in place). */
export class LetterRegenerationMismatch extends Error {}

/**
 * A letter's PDF, rendered again from its `MessageQueued` event (template version and
 * data). For a sent letter the bytes are checked against the SHA-256 recorded in
 * `MessageSent`: what is served is provably what was sent, or nothing.
 */
@QueryHandler(DownloadLetter)
export class DownloadLetterHandler implements IQueryHandler<DownloadLetter> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, letterId, principal }: DownloadLetter): Promise<Buffer> {
    const { messages } = await caseMessagesFor(this.deps, accountId, principal);
    const letter = messages[letterId];
    if (!letter || letter.queued.channel !== 'letter') throw new Refused({ rule: 'letter-unknown', reason: `no letter ${letterId} on account ${accountId}` });
    const rendered = await renderMessage(letter.queued);
    if (letter.contentSha256 && letter.contentSha256 !== rendered.contentSha256) {
      throw new LetterRegenerationMismatch(`letter ${letterId}: rendered ${rendered.contentSha256}, sent ${letter.contentSha256}`);
    }
    return rendered.pdf!;
  }
}
