import express from 'express';
import request from 'supertest';
import { depthOf, jsonBody, MAX_BODY_BYTES, MAX_JSON_DEPTH } from './json-body';

/** A bare Express app with the JSON edge in front of one echoing route. */
function app() {
  const server = express();
  server.use(...jsonBody());
  server.post('/echo', (req, res) => void res.json({ received: req.body }));
  return server;
}

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
};

describe('the JSON edge of every API', () => {
  it('measures nesting without recursion, objects and arrays alike, and stops counting past the limit', () => {
    expect(depthOf('text', 32)).toBe(0);
    expect(depthOf({ a: [{ b: 1 }] }, 32)).toBe(3);
    expect(depthOf(nested(5), 32)).toBe(5);
    expect(depthOf(nested(100_000), 32)).toBe(33);
  });

  it('passes a JSON body within the limits through, parsed', async () => {
    const body = { amount: 100, invoices: [{ number: 'INV-1' }], deep: nested(MAX_JSON_DEPTH - 1) };
    await request(app()).post('/echo').send(body).expect(200, { received: body });
  });

  it(`refuses a body nested deeper than ${MAX_JSON_DEPTH} levels with 400 json-too-deep, before anything reads it`, async () => {
    const answer = await request(app()).post('/echo').set('content-type', 'application/json').send(JSON.stringify(nested(2000))).expect(400);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body).toEqual({ type: 'urn:collections:problem:json-too-deep', title: 'Bad Request', status: 400, detail: `the body nests deeper than ${MAX_JSON_DEPTH} levels`, rule: 'json-too-deep' });
  });

  it('refuses a body over the limit with 413 body-too-large', async () => {
    const answer = await request(app()).post('/echo').set('content-type', 'application/json').send(JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) })).expect(413);
    expect(answer.body).toMatchObject({ type: 'urn:collections:problem:body-too-large', status: 413, rule: 'body-too-large' });
  });

  it('refuses a body that is not JSON with 415, and malformed JSON with 400 json-invalid', async () => {
    const form = await request(app()).post('/echo').set('content-type', 'application/x-www-form-urlencoded').send('amount=1').expect(415);
    expect(form.body).toMatchObject({ status: 415, rule: 'unsupported-media-type' });
    const broken = await request(app()).post('/echo').set('content-type', 'application/json').send('{"amount": ').expect(400);
    expect(broken.body).toMatchObject({ status: 400, rule: 'json-invalid' });
  });

  it('lets a request without a body through whatever its content type says', async () => {
    await request(app()).post('/echo').expect(200);
  });
});
