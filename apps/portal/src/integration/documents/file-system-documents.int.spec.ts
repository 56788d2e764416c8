/** Dispute documents kept as files: what is saved is read back byte for byte, by a new adapter on the same folder too. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSystemDisputeDocuments } from './file-system-documents';
import { InMemoryDisputeDocuments } from './in-memory-documents';

const ID = '6f1c2b1e-6c1a-4d0e-9a43-0b9f8e8d2a11';

describe('dispute documents', () => {
  let dir: string;

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'portal-documents-')), 'documents');
  });

  afterEach(() => {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('keeps a document as a file that outlives the adapter, and finds nothing under another id', async () => {
    const bytes = Buffer.from('%PDF-1.4\n%%EOF\n');
    await new FileSystemDisputeDocuments(dir).save(ID, bytes);
    expect(readdirSync(dir)).toEqual([ID]);
    const again = new FileSystemDisputeDocuments(dir);
    expect((await again.load(ID))?.equals(bytes)).toBe(true);
    expect(await again.load('0b5e1f7a-3c3d-4c8e-8f1e-2a7d9c6b5e40')).toBeNull();
  });

  it('never turns an id that is not a UUID into a path', async () => {
    const documents = new FileSystemDisputeDocuments(dir);
    await expect(documents.save('../escape', Buffer.from('x'))).rejects.toThrow(/not a document id/);
    expect(await documents.load('../../etc/passwd')).toBeNull();
  });

  it('in memory: a copy in, a copy out', async () => {
    const documents = new InMemoryDisputeDocuments();
    const bytes = Buffer.from('\x89PNG\r\n\x1a\n');
    await documents.save(ID, bytes);
    bytes.fill(0);
    expect((await documents.load(ID))?.toString()).toBe('\x89PNG\r\n\x1a\n');
    expect(await documents.load('0b5e1f7a-3c3d-4c8e-8f1e-2a7d9c6b5e40')).toBeNull();
  });
});
