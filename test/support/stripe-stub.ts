/**
 * A local stand-in for Stripe's API, enough for Checkout Sessions: it records each request
 * (method, path, headers, form-decoded body) and answers a session like Stripe's, so the
 * adapter's request shape can be checked and its redirect followed without the network.
 */
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubbedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  form: URLSearchParams;
}

export interface StripeStub {
  url: string;
  requests: StubbedRequest[];
  close(): Promise<void>;
}

export async function startStripeStub(): Promise<StripeStub> {
  const requests: StubbedRequest[] = [];
  let sessions = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, form });
      if (request.method === 'POST' && request.url === '/v1/checkout/sessions') {
        sessions += 1;
        const id = `cs_test_${sessions}`;
        response.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${sessions}` });
        response.end(
          JSON.stringify({
            id,
            object: 'checkout.session',
            mode: 'payment',
            url: `https://checkout.stripe.com/c/pay/${id}`,
            amount_total: Number(form.get('line_items[0][price_data][unit_amount]')),
            currency: form.get('line_items[0][price_data][currency]'),
            metadata: { accountId: form.get('metadata[accountId]'), checkoutId: form.get('metadata[checkoutId]'), method: form.get('metadata[method]') },
            payment_status: 'unpaid',
            status: 'open',
          }),
        );
        return;
      }
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { type: 'invalid_request_error', message: `no stub for ${request.method} ${request.url}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A completed, paid Checkout Session event as Stripe sends it to the webhook. */
export function checkoutCompletedEvent(session: { id: string; accountId: string; checkoutId: string; amount: number; currency: string; method: 'card' | 'ach'; paymentIntent: string; paid?: boolean; type?: string }) {
  return {
    id: `evt_${session.id}`,
    object: 'event',
    type: session.type ?? 'checkout.session.completed',
    api_version: '2025-01-01',
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
