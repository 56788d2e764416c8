import { Query } from '@nestjs/cqrs';

/** The document a debtor uploaded with a dispute, as stored. */
export interface DisputeDocumentFile {
  bytes: Buffer;
  name: string;
  mediaType: string;
}

/** Staff download the document of a dispute opened in the portal (debtor contact's dispute id). */
export class DownloadDisputeDocument extends Query<DisputeDocumentFile> {
  constructor(
    readonly accountId: string,
    readonly disputeId: string,
  ) {
    super();
  }
}
