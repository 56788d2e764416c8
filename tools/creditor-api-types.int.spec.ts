import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREDITOR_API_TYPES_FILE, creditorApiTypes, creditorOpenApiDocument } from './creditor-api-types';

const REGENERATE = 'stale: regenerate with `npm run client:generate` and commit libs/creditor-client/src/creditor-api.d.ts';

describe('the typed creditor client', () => {
  it('creditor-api.d.ts is what openapi-typescript generates from the document client-intake serves now', async () => {
    const fresh = await creditorApiTypes(await creditorOpenApiDocument());
    const committed = readFileSync(join(__dirname, '..', CREDITOR_API_TYPES_FILE), 'utf8');
    expect({ file: CREDITOR_API_TYPES_FILE, upToDate: committed === fresh, hint: committed === fresh ? '' : REGENERATE }).toEqual({ file: CREDITOR_API_TYPES_FILE, upToDate: true, hint: '' });
    // The generation covers what the command-line tool calls, so an empty document cannot pass.
    for (const path of ['"/placements/batches"', '"/placements/batches/{batchId}"', '"/placements/batches/{batchId}/results"', '"/placements"']) expect(fresh).toContain(path);
  }, 120_000);
});
