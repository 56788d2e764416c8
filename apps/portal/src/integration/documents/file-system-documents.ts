import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DisputeDocuments } from '../../portal.dependencies';

/** Document ids are the portal's UUIDs: anything else never names a file. */
const DOCUMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Dispute documents as files in a folder (the all-in-one's data folder, or
 * PORTAL_DOCUMENTS_DIR), one file per document id. Written to a temporary name and renamed,
 * so a document is either there whole or not at all; never overwritten.
 */
export class FileSystemDisputeDocuments implements DisputeDocuments {
  constructor(private readonly dir: string) {}

  async save(documentId: string, bytes: Buffer): Promise<void> {
    const file = this.fileOf(documentId);
    if (!file) throw new Error(`not a document id: ${documentId}`);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const partial = `${file}.partial`;
    await writeFile(partial, bytes, { mode: 0o600 });
    await rename(partial, file);
  }

  async load(documentId: string): Promise<Buffer | null> {
    const file = this.fileOf(documentId);
    if (!file) return null;
    try {
      return await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private fileOf(documentId: string): string | null {
    return DOCUMENT_ID.test(documentId) ? join(this.dir, documentId.toLowerCase()) : null;
  }
}
