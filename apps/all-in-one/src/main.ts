import 'reflect-metadata';
import { join } from 'node:path';
import { loadConfig } from '@lib/config';
import { DEV_STAFF_TOKEN_SECRET, runProcess, signStaffToken, STAFF_ROLES } from '@lib/platform';
import { ALL_SERVICES } from './all-in-one.services';

export const ALL_IN_ONE_DEFAULT_PORT = 3000;

/**
 * dist/.pglite-empty-cluster: kept with the build (deploy/runtime/build.js removes it on
 * every build), so it always comes from the PGlite the build was made with.
 */
const PGLITE_TEMPLATE_DIR = join(__dirname, '..', '..', '..', '.pglite-empty-cluster');

/** Every service in one process, on the embedded adapters unless told otherwise. */
async function main(): Promise<void> {
  // Read models in the embedded PGlite, kept across restarts: a start resumes instead of replaying the history.
  const config = loadConfig('all-in-one', process.env, { port: ALL_IN_ONE_DEFAULT_PORT, demoStaffTokensWhenUnset: true, readModels: 'pglite' });
  const { url } = await runProcess(config, ALL_SERVICES, 'Collection agency (all-in-one)', { pgliteTemplateDir: PGLITE_TEMPLATE_DIR });
  const lines = [`Collection agency backend (all-in-one) on ${url}`, `  API documentation: ${url}/docs`];
  if (!config.staffTokens) {
    // Demo mode: tokens signed with the public demo secret, so the README walkthrough works.
    lines.push(
      '  Demo staff tokens: STAFF_TOKEN_SECRET is not set, so staff tokens are checked against a public demo secret',
      '  that anyone can sign with. For trying the system only; set STAFF_TOKEN_SECRET (or an identity provider) to share it.',
    );
    for (const role of STAFF_ROLES) lines.push(`    ${role.padEnd(11)} Bearer ${signStaffToken(DEV_STAFF_TOKEN_SECRET, { role, id: `${role}-demo` })}`);
  }
  if (config.clock === 'test') lines.push('  CLOCK=test: the clock moves only with POST /test-clock/advance (admin)');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
