/**
 * The all-in-one, started as `npm start` runs it, does not load the client libraries of the
 * distributed mode's servers nor of adapters it is not configured for: each costs tens of
 * MB of resident memory (docs/benchmarks.md, the all-in-one's idle memory), and issue 8's
 * goal for the idle all-in-one is under 300 MB. The adapters load their library when one is
 * made, so a process that never makes one never loads it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningApp, startApp } from '../support/app-process';

/** Packages only the distributed mode, or an adapter the all-in-one is not set to, needs. */
const NOT_IN_THE_ALL_IN_ONE = ['kafkajs', 'mongoose', 'mongodb', 'bson', '@eventstore/db-client', '@grpc/grpc-js', 'pg', 'stripe', 'nodemailer', 'mingo'];
/** Packages the all-in-one needs only once it renders a letter or a statement: not loaded by a start (0.2 s of it). */
const LOADED_WHEN_FIRST_USED = ['pdfkit', 'fontkit'];

describe('the all-in-one at rest', () => {
  const folder = mkdtempSync(join(tmpdir(), 'all-in-one-footprint-'));
  const preload = join(folder, 'report-packages.js');
  const report = join(folder, 'packages.json');
  let app: RunningApp | undefined;

  beforeAll(() => {
    // Preloaded into the process: on SIGUSR2, writes the packages it has loaded so far.
    writeFileSync(
      preload,
      `process.on('SIGUSR2', () => {
        const packages = new Set();
        for (const file of Object.keys(require.cache)) {
          const inside = file.split('/node_modules/').slice(1).pop();
          if (!inside) continue;
          const parts = inside.split('/');
          packages.add(parts[0].startsWith('@') ? parts[0] + '/' + parts[1] : parts[0]);
        }
        require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify([...packages]));
      });`,
    );
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('has loaded none of the client libraries of the distributed mode, nor the PDF renderer, once healthy', async () => {
    app = await startApp('all-in-one', { PGLITE_DATA_DIR: join(folder, 'data'), NODE_OPTIONS: `--require ${preload}` }, 120_000);
    app.process.kill('SIGUSR2');
    const loaded = await waitForReport(report);
    expect(loaded).toEqual(expect.arrayContaining(['@nestjs/core', '@electric-sql/pglite']));
    expect(loaded.filter((name) => NOT_IN_THE_ALL_IN_ONE.includes(name))).toEqual([]);
    expect(loaded.filter((name) => LOADED_WHEN_FIRST_USED.includes(name))).toEqual([]);
  }, 150_000);
});

async function waitForReport(file: string): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as string[];
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
