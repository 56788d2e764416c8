import { Controller, Get, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiProduces } from '@nestjs/swagger';
import { QueryEndpoint, UuidParam } from '@lib/platform';
import { DownloadDisputeDocument } from './download-dispute-document.query';

/** A name safe inside a Content-Disposition header: the debtor chose it. */
const headerSafe = (name: string) => name.replace(/[^\w.\- ]+/g, '_').slice(0, 200) || 'document';

/** The document a debtor uploaded with a portal dispute, for the staff who work or review the account. */
@Controller('accounts')
export class DownloadDisputeDocumentController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId/portal-disputes/:disputeId/document')
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @QueryEndpoint({
    roles: ['collector', 'supervisor', 'compliance'],
    tag: 'portal',
    uuidParams: ['accountId', 'disputeId'],
    description: "The debtor's document as uploaded (PDF, PNG or JPEG), checked against the size and SHA-256 on the portal trail.",
    problems: { 404: 'No dispute with a kept document was opened in the portal under that id for the account (rule dispute-unknown).' },
  })
  async download(@UuidParam('accountId') accountId: string, @UuidParam('disputeId') disputeId: string): Promise<StreamableFile> {
    const file = await this.queries.execute(new DownloadDisputeDocument(accountId, disputeId));
    return new StreamableFile(file.bytes, { type: file.mediaType, disposition: `attachment; filename="${headerSafe(file.name)}"`, length: file.bytes.length });
  }
}
