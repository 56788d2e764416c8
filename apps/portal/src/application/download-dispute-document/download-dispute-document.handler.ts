import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { portalStreamId } from '../../domain/access/portal-access.events';
import type { PortalDependencies } from '../../portal.dependencies';
import { DisputeDocumentFile, DownloadDisputeDocument } from './download-dispute-document.query';

/** The stored bytes are not what the dispute's event recorded (lost or changed): nothing is served. */
export class DisputeDocumentIntegrityError extends Error {}

/**
 * The document named by the account's `PortalDisputeOpened` for that dispute, read from
 * the document store and served only when its size and SHA-256 are those on the trail.
 */
@QueryHandler(DownloadDisputeDocument)
export class DownloadDisputeDocumentHandler implements IQueryHandler<DownloadDisputeDocument> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PortalDependencies) {}

  async execute({ accountId, disputeId }: DownloadDisputeDocument): Promise<DisputeDocumentFile> {
    const trail = await this.deps.eventStore.readStream(portalStreamId(accountId));
    const opened = trail.find((event) => event.type === 'PortalDisputeOpened' && (event.data as { disputeId?: string }).disputeId === disputeId);
    const document = (opened?.data as { document?: { documentId?: string; name: string; mediaType: string; size: number; sha256: string } } | undefined)?.document;
    if (!document?.documentId) throw new Refused({ rule: 'dispute-unknown', reason: `no dispute ${disputeId} with a kept document was opened in the portal for account ${accountId}` });
    const bytes = await this.deps.documents.load(document.documentId);
    if (!bytes) throw new DisputeDocumentIntegrityError(`document ${document.documentId} of dispute ${disputeId} is not in the document store`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (bytes.length !== document.size || sha256 !== document.sha256) {
      throw new DisputeDocumentIntegrityError(`document ${document.documentId} of dispute ${disputeId}: stored ${bytes.length} bytes, sha256 ${sha256}; recorded ${document.size}, ${document.sha256}`);
    }
    return { bytes, name: document.name, mediaType: document.mediaType };
  }
}
