import 'reflect-metadata';
import { DEV_STAFF_TOKEN_SECRET, runProcess, signStaffToken, STAFF_ROLES } from '@lib/platform';
import { ALL_SERVICES } from './all-in-one.services';
import { loadAllInOneConfig, PGLITE_TEMPLATE_DIR } from './all-in-one.config';

/** Every service in one process, on the embedded adapters unless told otherwise. */
async function main(): Promise<void> {
  const config = loadAllInOneConfig(process.env);
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
