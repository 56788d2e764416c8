import type { DisputeDocuments } from '../../portal.dependencies';

/** Dispute documents in the process's memory: the all-in-one with an in-memory store (tests, demos), where nothing outlives the process anyway. */
export class InMemoryDisputeDocuments implements DisputeDocuments {
  private readonly documents = new Map<string, Buffer>();

  async save(documentId: string, bytes: Buffer): Promise<void> {
    this.documents.set(documentId, Buffer.from(bytes));
  }

  async load(documentId: string): Promise<Buffer | null> {
    const bytes = this.documents.get(documentId);
    return bytes ? Buffer.from(bytes) : null;
  }
}
