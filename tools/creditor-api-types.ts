/**
 * The creditor API's types, generated from the OpenAPI document client-intake serves at
 * /docs-json (the same document generator every service uses: createHttpApp), by
 * openapi-typescript. `npm run client:generate` writes them to
 * libs/creditor-client/src/creditor-api.d.ts; creditor-api-types.int.spec.ts fails when
 * the committed file differs from a fresh generation.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadConfig } from '@lib/config';
import { composeProcess } from '@lib/platform';
import { ClientIntakeService } from '../apps/client-intake/src/client-intake.service';

/** Where the types are committed, from the repository's root. */
export const CREDITOR_API_TYPES_FILE = 'libs/creditor-client/src/creditor-api.d.ts';

const HEADER = `/**
 * The creditor API (client-intake), generated from its OpenAPI document by openapi-typescript.
 * Do not edit: regenerate with \`npm run client:generate\` (a test fails when this file is stale).
 */

`;

/** client-intake's OpenAPI document, as its /docs-json serves it (an in-memory store behind it, nothing kept). */
export async function creditorOpenApiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig('client-intake', { PGLITE_DATA_DIR: 'memory', STAFF_TOKEN_SECRET: 'document-generation-only-0123456789abcdef' }, { port: 0 });
  const composed = await composeProcess(config, [ClientIntakeService], { title: 'Creditor API', quiet: true });
  try {
    await composed.app.listen(0, '127.0.0.1');
    const url = (await composed.app.getUrl()).replace('[::1]', '127.0.0.1');
    return (await (await fetch(`${url}/docs-json`)).json()) as Record<string, unknown>;
  } finally {
    await composed.close();
  }
}

/**
 * openapi-typescript, run in a Node child process: some of its dependencies are ES modules
 * only, which Node loads (require of ESM) and jest's CommonJS runtime cannot, and the
 * staleness test runs under jest.
 */
const GENERATE = `
const generator = require('openapi-typescript');
const openapiTS = generator.default ?? generator;
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  const ast = await openapiTS(JSON.parse(input), { alphabetize: true });
  process.stdout.write(generator.astToString(ast));
});`;

/** The TypeScript declarations of a document, as committed. */
export async function creditorApiTypes(document: Record<string, unknown>): Promise<string> {
  const run = spawnSync(process.execPath, ['-e', GENERATE], { input: JSON.stringify(document), encoding: 'utf8', cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`openapi-typescript failed (${run.status}): ${run.stderr}`);
  return `${HEADER}${run.stdout}`;
}

if (require.main === module) {
  creditorOpenApiDocument()
    .then(creditorApiTypes)
    .then((types) => {
      // Run from the repository's root (npm run client:generate), as the path is written.
      writeFileSync(CREDITOR_API_TYPES_FILE, types);
      process.stdout.write(`wrote ${CREDITOR_API_TYPES_FILE}\n`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
