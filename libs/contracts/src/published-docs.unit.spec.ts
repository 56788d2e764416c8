import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { asyncApiDocument, asyncApiJson, topicMapMarkdown } from './asyncapi';
import { PUBLISHED_LANGUAGE, TOPICS } from './published-language';

const docs = join(__dirname, '..', '..', '..', 'docs');
const REGENERATE = 'stale: regenerate with `npm run docs:asyncapi` and commit docs/asyncapi.json and docs/topic-map.md';

describe('the published language documents', () => {
  it('docs/asyncapi.json is the document generated from libs/contracts', () => {
    const committed = readFileSync(join(docs, 'asyncapi.json'), 'utf8');
    expect({ file: 'docs/asyncapi.json', upToDate: committed === asyncApiJson() }).toEqual({ file: 'docs/asyncapi.json', upToDate: true });
    if (committed !== asyncApiJson()) throw new Error(REGENERATE);
  });

  it('docs/topic-map.md is the map generated from libs/contracts', () => {
    const committed = readFileSync(join(docs, 'topic-map.md'), 'utf8');
    if (committed !== topicMapMarkdown()) throw new Error(REGENERATE);
  });

  it('is AsyncAPI 3.0 whose references all resolve, one channel per topic and one message per versioned type', () => {
    const document = asyncApiDocument();
    expect(document.asyncapi).toBe('3.0.0');
    const channels = document.channels as Record<string, { address: string; messages: Record<string, unknown> }>;
    expect(Object.values(channels).map((c) => c.address)).toEqual(TOPICS.map((t) => t.name));
    const messageIds = Object.values(channels).flatMap((c) => Object.keys(c.messages));
    expect(messageIds.sort()).toEqual(PUBLISHED_LANGUAGE.map((c) => c.type).sort());

    const refs: string[] = [];
    JSON.stringify(document, (key, value) => (key === '$ref' ? (refs.push(value), value) : value));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const target = ref
        .slice(2)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
      expect({ ref, resolves: target !== undefined }).toEqual({ ref, resolves: true });
    }
  });

  it('publishes a payload schema that accepts and refuses what the contract does', () => {
    const ajv = addFormats(new Ajv({ strict: false }));
    const messages = (asyncApiDocument().components as { messages: Record<string, { payload: object }> }).messages;
    const posted = ajv.compile(messages['PaymentPosted.v2'].payload);
    const valid = {
      accountId: 'a',
      clientId: 'c',
      paymentId: 'p',
      amount: 100,
      currency: 'USD',
      allocations: [{ invoiceNumber: 'INV-1', amount: 100 }],
      commission: 25,
      credit: 0,
      balanceAfter: 0,
      postedAt: '2026-06-01T09:00:00.000Z',
      method: 'ach',
      commissionRateBp: 2_500,
    };
    expect(posted(valid)).toBe(true);
    expect(posted({ ...valid, method: null, commissionRateBp: null })).toBe(true);
    expect(posted({ ...valid, method: 'barter' })).toBe(false);
    const { commissionRateBp: _missing, ...withoutRate } = valid;
    expect(posted(withoutRate)).toBe(false);

    const current = ajv.compile(messages['PaymentPosted.v3'].payload);
    const stamped = { ...valid, direct: false, plan: { planId: 'plan-1', agreementVersion: 1, tierId: 'base' }, clearsAt: '2026-06-06T09:00:00.000Z' };
    expect(current(stamped)).toBe(true);
    expect(current({ ...stamped, direct: null, plan: null, clearsAt: null })).toBe(true);
    expect(current(valid)).toBe(false);
    expect(current({ ...stamped, plan: { planId: 'plan-1' } })).toBe(false);
  });

  it('names a publisher for every topic and a topic for every contract', () => {
    for (const contract of PUBLISHED_LANGUAGE) expect(TOPICS.map((t) => t.name)).toContain(contract.topic);
    for (const topic of TOPICS) expect(topic.publishers.length).toBeGreaterThan(0);
  });
});
