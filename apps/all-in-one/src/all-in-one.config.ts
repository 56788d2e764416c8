import { join } from 'node:path';
import { AppConfig, loadConfig } from '@lib/config';

export const ALL_IN_ONE_DEFAULT_PORT = 3000;

/**
 * dist/.pglite-empty-cluster: the empty cluster every empty data folder starts from, made
 * by `npm run build` (deploy/runtime/build.js removes and remakes it on every build, so it
 * always comes from the PGlite and the migrations the build was made with).
 */
export const PGLITE_TEMPLATE_DIR = join(__dirname, '..', '..', '..', '.pglite-empty-cluster');

/** The all-in-one's configuration: read models in the embedded PGlite, kept across restarts, so a start resumes instead of replaying the history. */
export function loadAllInOneConfig(env: NodeJS.ProcessEnv): AppConfig {
  return loadConfig('all-in-one', env, { port: ALL_IN_ONE_DEFAULT_PORT, demoStaffTokensWhenUnset: true, readModels: 'pglite' });
}
