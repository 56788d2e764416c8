import { createHash } from 'node:crypto';
import type { RenderedMessage } from '../../domain/communications/communications.port';
import type { MessageQueued } from '../../domain/communications/message.events';
import { renderTemplate, templateOf } from '../../domain/communications/templates';
import { renderLetterPdf } from './letter-pdf';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A queued message's content, from its template version and data alone: the same on every call. */
export async function renderMessage(queued: MessageQueued['data']): Promise<RenderedMessage> {
  const rendered = renderTemplate(templateOf(queued.templateId, queued.templateVersion), queued.data);
  const text = rendered.lines.join('\n');
  const base = { messageId: queued.messageId, channel: queued.channel, recipient: queued.recipient, subject: rendered.subject, text };
  if (queued.channel === 'letter') {
    const pdf = await renderLetterPdf(rendered, String(queued.data.letterDate ?? queued.queuedAt.slice(0, 10)));
    return { ...base, pdf, contentSha256: sha256(pdf) };
  }
  return { ...base, contentSha256: sha256(`${rendered.subject}\n\n${text}`) };
}
