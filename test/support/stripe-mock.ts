/**
 * stripe-mock (Stripe's own API test server, built from its Go module by
 * deploy/infra/up.sh) as a process of the test: it answers Stripe's API from Stripe's
 * OpenAPI description and refuses any parameter that version of the API does not have.
 * Started with `-strict-version-check`, so a request pinned to another API version fails.
 * Requests reach it through a recorder that passes each one on unchanged and keeps what was
 * sent (stripe-mock keeps no state, and does not echo metadata back).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as forward, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** The stripe-mock release deploy/infra/up.sh builds (keep the two in step). */
export const STRIPE_MOCK_VERSION = 'v0.203.0';

/**
 * Where stripe-mock is: STRIPE_MOCK_PATH (up.sh writes it to .infra/env), up.sh's build
 * cache, or `go install`'s default bin folder; undefined when none has it.
 */
export function stripeMockBinary(): string | undefined {
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'collections-infra', `stripe-mock-${STRIPE_MOCK_VERSION}`, 'stripe-mock');
  const candidates = [process.env.STRIPE_MOCK_PATH, cache, join(process.env.GOPATH ?? join(homedir(), 'go'), 'bin', 'stripe-mock')];
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
}

export interface RecordedStripeRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  form: URLSearchParams;
  /** stripe-mock's answer. */
  status: number;
}

export interface StripeMock {
  /** `http://127.0.0.1:<port>` (the recorder in front of stripe-mock): the adapter's STRIPE_API_BASE. */
  url: string;
  /** stripe-mock's own address, without the recorder. */
  directUrl: string;
  requests: RecordedStripeRequest[];
  close(): Promise<void>;
}

/** Starts stripe-mock on a free loopback port (HTTPS on a socket file of its own, so parallel runs do not collide on 12112). */
export async function startStripeMock(binary: string): Promise<StripeMock> {
  const dir = mkdtempSync(join(tmpdir(), 'stripe-mock-'));
  const child: ChildProcess = spawn(binary, ['-http-addr', '127.0.0.1:0', '-https-unix', join(dir, 'https.sock'), '-strict-version-check'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stripe-mock did not start within 20s:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Listening for HTTP at address: (127\.0\.0\.1:\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(`http://${listening[1]}`);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stripe-mock exited (${code}) before listening:\n${output}`));
    });
  });
  const target = new URL(url);
  const requests: RecordedStripeRequest[] = [];
  const recorder: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const passed = forward({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
        requests.push({ method: incoming.method ?? '', path: incoming.url ?? '', headers: incoming.headers, form: new URLSearchParams(body.toString()), status: answer.statusCode ?? 0 });
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      passed.on('error', (error) => {
        outgoing.writeHead(502);
        outgoing.end(String(error));
      });
      passed.end(body);
    });
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  const { port } = recorder.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    directUrl: url,
    requests,
    close: async () => {
      await new Promise((resolve) => recorder.close(resolve));
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Checkout Session event as Stripe sends it to the webhook (signed by the test with `webhooks.generateTestHeaderString`). */
export function checkoutCompletedEvent(session: { id: string; accountId: string; checkoutId: string; amount: number; currency: string; method: 'card' | 'ach'; paymentIntent: string; paid?: boolean; type?: string }) {
  return {
    id: `evt_${session.id}`,
    object: 'event',
    type: session.type ?? 'checkout.session.completed',
    api_version: '2026-08-26.dahlia',
    created: 1_767_225_600,
    data: {
      object: {
        id: session.id,
        object: 'checkout.session',
        amount_total: session.amount,
        currency: session.currency.toLowerCase(),
        payment_intent: session.paymentIntent,
        payment_status: session.paid === false ? 'unpaid' : 'paid',
        metadata: { accountId: session.accountId, checkoutId: session.checkoutId, method: session.method },
      },
    },
  };
}
