/**
 * `npm run infra:up` writes where each local server listens to `.infra/env`.
 * Variables already set in the environment win, so a developer (or CI) can point
 * the tests at servers of their own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const envFile = join(__dirname, '..', '..', '.infra', 'env');
if (existsSync(envFile)) {
  for (const line of readFileSync(envFile, 'utf8').split('\n')) {
    const match = /^(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (!match) continue;
    const [, key, raw] = match;
    if (process.env[key] === undefined) process.env[key] = raw.replace(/^['"]|['"]$/g, '');
  }
}
