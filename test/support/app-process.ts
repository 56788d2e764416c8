/**
 * Starts a compiled app (`npm run build` first; `npm test` does it) as its own OS process,
 * the way production runs it, and waits until its /health answers.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface RunningApp {
  name: string;
  url: string;
  process: ChildProcess;
  output: () => string;
  /** SIGTERM, then wait for the exit; resolves with the exit code. */
  stop: () => Promise<number | null>;
  /** SIGKILL, as a crash or an OOM kill: no shutdown hook runs. Resolves once the process is gone. */
  crash: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A compiled entry point of an app: its `main` (the service) or another script, e.g. `rebuild`. */
export function compiledMain(app: string, script = 'main'): string {
  const main = join(root, 'dist', 'apps', app, 'src', `${script}.js`);
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm test does)`);
  return main;
}

export function runApp(
  app: string,
  env: Record<string, string>,
  script = 'main',
): { process: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['-r', join(root, 'deploy/runtime/register-paths.js'), compiledMain(app, script)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

export async function startApp(app: string, env: Record<string, string> = {}, timeoutMs = 30_000, port?: number): Promise<RunningApp> {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = runApp(app, { PORT: String(port), HOST: '127.0.0.1', ...env });
  let exitCode: number | null | undefined;
  void started.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${app} exited (${exitCode}) before it was healthy:\n${started.output()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      started.process.kill('SIGKILL');
      throw new Error(`${app} not healthy after ${timeoutMs} ms:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    name: app,
    url,
    process: started.process,
    output: started.output,
    stop: async () => {
      if (exitCode === undefined) started.process.kill('SIGTERM');
      return started.exited;
    },
    crash: async () => {
      if (exitCode === undefined) started.process.kill('SIGKILL');
      await started.exited;
    },
  };
}

/** Runs one of an app's compiled scripts to its end, as an operator would from a shell. */
export async function runScript(app: string, script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const run = runApp(app, env, script);
  const code = await run.exited;
  return { code, output: run.output() };
}
