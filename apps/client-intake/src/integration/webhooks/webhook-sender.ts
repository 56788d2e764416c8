import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { blockedAddressReason } from './address-policy';
import { guardedLookup, webhookUrlProblem } from './url-guard';
import { normalizeHost, WebhookSettings } from './webhook-settings';

/** How much of a receiver's answer is kept on the delivery log. */
export const RESPONSE_EXCERPT_CHARS = 256;
/** How much of it is read at all; the rest is dropped with the connection. */
const RESPONSE_READ_LIMIT = 4096;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What one attempt got: a status, or why there was none. */
export interface WebhookResponse {
  status: number | null;
  error: string | null;
  responseExcerpt: string;
  durationMs: number;
}

/** Sends one webhook request; never throws (every failure is an answer on the log). */
export type WebhookSender = (request: WebhookRequest) => Promise<WebhookResponse>;

/**
 * POSTs over node's http/https with the settings' timeout, follows no redirect (a 3xx is
 * a failed attempt: a redirect could lead anywhere the URL check never saw), checks the
 * URL again and the address it connects to, and keeps a short excerpt of the answer.
 */
export function httpWebhookSender(settings: WebhookSettings): WebhookSender {
  return async ({ url, headers, body }) => {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const problem = await webhookUrlProblem(url, settings);
    if (problem) return { status: null, error: `URL refused: ${problem}`, responseExcerpt: '', durationMs: elapsed() };
    const target = new URL(url);
    const host = normalizeHost(target.hostname);
    // An IP literal is never looked up, so its check is here (the guarded lookup covers names).
    if (isIP(host) !== 0 && !settings.allowedHosts.has(host)) {
      const reason = blockedAddressReason(host, settings.allowPrivateNetworks);
      if (reason) return { status: null, error: `URL refused: ${reason}`, responseExcerpt: '', durationMs: elapsed() };
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<WebhookResponse>((resolve) => {
      let settled = false;
      const finish = (answer: Omit<WebhookResponse, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...answer, durationMs: elapsed() });
      };
      const req = send(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'collections-webhooks/1' },
          lookup: guardedLookup(settings) as never,
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let read = 0;
          res.on('data', (chunk: Buffer) => {
            if (read < RESPONSE_READ_LIMIT) chunks.push(chunk);
            read += chunk.length;
            if (read >= RESPONSE_READ_LIMIT) res.destroy();
          });
          const done = () => {
            const excerpt = Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_EXCERPT_CHARS);
            const status = res.statusCode ?? null;
            const redirected = status !== null && status >= 300 && status < 400;
            finish({ status, error: redirected ? `redirect to ${res.headers.location ?? '(no location)'} not followed` : null, responseExcerpt: excerpt });
          };
          res.on('end', done);
          res.on('close', done);
          res.on('error', done);
        },
      );
      const timer = setTimeout(() => {
        req.destroy();
        finish({ status: null, error: `no answer within ${settings.timeoutMs} ms`, responseExcerpt: '' });
      }, settings.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => finish({ status: null, error: error.message.slice(0, 300), responseExcerpt: '' }));
      req.end(body);
    });
  };
}
