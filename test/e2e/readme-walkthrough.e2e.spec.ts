/**
 * Runs the README's walkthrough, exactly as written, against the all-in-one app started
 * as `npm start` starts it (compiled, one process), with the test clock the README offers.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp } from '../support/app-process';

function walkthroughScript(): string {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.split('## Walkthrough')[1];
  const match = /```bash\n([\s\S]*?)```/.exec(section ?? '');
  if (!match) throw new Error('README has no walkthrough script');
  return match[1];
}

function runBash(script: string, env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('README walkthrough', () => {
  it('takes one account from placement to paid in full, as written', async () => {
    const app = await startApp('all-in-one', { PGLITE_DATA_DIR: 'memory', CLOCK: 'test' }, 60_000);
    try {
      const result = await runBash(walkthroughScript(), { BASE: app.url }, 90_000);
      expect({ code: result.code, output: result.output }).toMatchObject({ code: 0 });
      expect(result.output).toContain('"status":"acknowledged"');
      expect(result.output).toContain('"collected":750050');
      expect(result.output).toContain('"recoveryRateBp":10000');
      expect(result.output).toContain('"ok":true');
      expect(app.output()).toContain('Demo staff tokens');
    } finally {
      expect(await app.stop()).toBe(0);
    }
  }, 150_000);
});
