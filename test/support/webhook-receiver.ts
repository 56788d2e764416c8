/**
 * A real HTTP receiver for webhook tests (node:http on 127.0.0.1), and the receiver's
 * side of Standard Webhooks written here from the specification, apart from the
 * sender's code: a signature that verifies here was made the way the standard says.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status the receiver answered. */
  answered: number;
}

/** How a path answers its n-th request (1-based): a status, or `hang` (no answer at all). */
export type PathBehaviour = (n: number) => number | 'hang';

export interface WebhookReceiver {
  url(path: string): string;
  /** Every request so far, in arrival order. */
  received: ReceivedWebhook[];
  on(path: string, behaviour: PathBehaviour): void;
  close(): Promise<void>;
}

/** Starts a receiver; a path without a behaviour answers 200. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const behaviours = new Map<string, PathBehaviour>();
  const counts = new Map<string, number>();
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const n = (counts.get(path) ?? 0) + 1;
      counts.set(path, n);
      const answer = (behaviours.get(path) ?? (() => 200))(n);
      if (answer === 'hang') return;
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered: answer });
      if (answer >= 300 && answer < 400) res.setHeader('location', 'http://127.0.0.1:1/elsewhere');
      res.statusCode = answer;
      res.end(answer >= 400 ? `failing on purpose (request ${n}) ${'x'.repeat(1000)}` : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    on: (path, behaviour) => void behaviours.set(path, behaviour),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Standard Webhooks verification: the signed content is `${webhook-id}.${webhook-timestamp}.${body}`,
 * HMAC-SHA256 keyed with the base64 bytes after `whsec_`; the header holds space-separated
 * `v1,<base64>` signatures, any one of which may match. Returns whether one does.
 */
export function verifyStandardWebhook(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const id = String(headers['webhook-id']);
  const timestamp = String(headers['webhook-timestamp']);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .map((part) => part.split(','))
    .some(([version, signature]) => {
      if (version !== 'v1' || !signature) return false;
      const given = Buffer.from(signature, 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

/** Polls an async condition until it holds (tests wait for what they expect, never a guessed time). */
export async function eventually<T>(description: string, read: () => Promise<T>, holds: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}; last seen ${JSON.stringify(value)?.slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
