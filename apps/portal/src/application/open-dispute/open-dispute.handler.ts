import { createHash } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isRefusal } from '../../portal.dependencies';
import { accountPage } from '../../web/pages';
import { messagesFor } from '../../web/messages.en';
import { PortalAccess } from '../shared/portal-access';
import { PortalPageException, portalError } from '../shared/portal-page';
import type { PortalRedirect } from '../check-portal-identity/check-portal-identity.request.dto';
import { documentTypeOf, MAX_DOCUMENT_BYTES } from './document-check';
import { OpenDispute } from './open-dispute.command';

@CommandHandler(OpenDispute)
export class OpenDisputeHandler implements ICommandHandler<OpenDispute> {
  constructor(private readonly access: PortalAccess) {}

  async execute({ session, form, document, ip }: OpenDispute): Promise<PortalRedirect> {
    const { deps } = this.access;
    const m = messagesFor();
    const verified = await this.access.session(session, ip);
    const account = await this.access.account(verified.accountId);
    const now = deps.clock.now();
    const sessionPath = `/portal/s/${session}`;
    const again = (status: number, error: string) => new PortalPageException(status, accountPage(m, deps.agency, { account, sessionPath, today: now.toISOString().slice(0, 10), error }));
    if (!document || document.size === 0) throw again(422, m.dispute.documentMissing);
    if (document.size > MAX_DOCUMENT_BYTES) throw again(413, m.dispute.documentTooLarge);
    const mediaType = documentTypeOf(document.buffer, document.mimetype);
    if (!mediaType) throw again(415, m.dispute.documentType);
    const disputeId = deps.newId();
    const described = { documentId: deps.newId(), name: document.originalname.slice(0, 200), mediaType, size: document.size, sha256: createHash('sha256').update(document.buffer).digest('hex') };
    // Kept before anything names it: the trail never points at a document that is not there.
    await deps.documents.save(described.documentId, document.buffer);
    const opened = await deps.disputes.open({ accountId: account.accountId, disputeId, reason: form.reason, details: form.details ?? '', document: described });
    if (isRefusal(opened)) throw portalError(deps, 409, 'account-unavailable');
    await this.access.record({ type: 'OpenDispute', accountId: account.accountId, linkId: verified.linkId, disputeId: opened.disputeId, reason: form.reason, details: form.details ?? '', document: described, now });
    return { url: `${sessionPath}?notice=dispute-opened`, statusCode: 303 };
  }
}
