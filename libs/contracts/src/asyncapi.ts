import { isSuperseded } from './contract';
import { ALL_SERVICES, PUBLISHED_LANGUAGE, TOPICS } from './published-language';

/** The headers every integration message carries (set by `integrationMessage` in `@lib/integration`). */
const MESSAGE_HEADERS = {
  type: 'object',
  properties: {
    'message-type': { type: 'string', description: 'The versioned event type, e.g. `PaymentPosted.v2`.' },
    'message-id': { type: 'string', description: '`<eventId>:<message-type>`: the same on every republication, so consumers drop duplicates.' },
    'correlation-id': { type: 'string' },
    'causation-id': { type: 'string', description: 'The id of the stored domain event that caused the message.' },
    'principal-role': { type: 'string' },
    'principal-id': { type: 'string' },
    'source-stream': { type: 'string', description: 'The stream of the causing event.' },
    'source-version': { type: 'string', description: 'The version of the causing event in its stream (decimal).' },
    'occurred-at': { type: 'string', format: 'date-time' },
  },
  required: ['message-type', 'message-id', 'correlation-id', 'causation-id', 'principal-role', 'principal-id', 'source-stream', 'source-version', 'occurred-at'],
};

const ref = (...path: string[]) => ({ $ref: `#/${path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` });

/**
 * The AsyncAPI 3.0 document of the published language: one channel per topic, one message
 * per versioned event type with its payload's JSON Schema, a `send` operation per publishing
 * service and a `receive` operation per consuming service. Generated from `libs/contracts`
 * only, so it cannot say anything the contracts do not.
 */
export function asyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const topic of TOPICS) {
    const contracts = PUBLISHED_LANGUAGE.filter((c) => c.topic === topic.name);
    channels[topic.name] = {
      address: topic.name,
      description: `${topic.description} Keyed by ${topic.key}.`,
      messages: Object.fromEntries(contracts.map((c) => [c.type, ref('components', 'messages', c.type)])),
    };
    for (const publisher of topic.publishers) {
      const current = contracts.filter((c) => !isSuperseded(c));
      operations[`${publisher}.publishes.${topic.name}`] = {
        action: 'send',
        channel: ref('channels', topic.name),
        summary: `${publisher} publishes to ${topic.name}.`,
        messages: current.map((c) => ref('channels', topic.name, 'messages', c.type)),
      };
    }
    for (const consumer of ALL_SERVICES) {
      const consumed = contracts.filter((c) => c.consumers.includes(consumer));
      if (consumed.length === 0) continue;
      operations[`${consumer}.consumes.${topic.name}`] = {
        action: 'receive',
        channel: ref('channels', topic.name),
        summary: `${consumer} consumes from ${topic.name} (consumer group \`${consumer}\`).`,
        messages: consumed.map((c) => ref('channels', topic.name, 'messages', c.type)),
      };
    }
    for (const c of contracts) {
      messages[c.type] = {
        name: c.type,
        title: c.type,
        summary: c.summary,
        contentType: 'application/json',
        headers: ref('components', 'schemas', 'MessageHeaders'),
        payload: c.schema.toJsonSchema(),
        ...(isSuperseded(c) ? { 'x-superseded-by': c.supersededBy.type } : {}),
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Collections backend: published language',
      version: '1.0.0',
      description:
        'The integration events the services publish through Kafka. Generated from libs/contracts (`npm run docs:asyncapi`); ' +
        'a superseded version stays declared because its messages stay on the topics, and consumers upcast it on arrival.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { schemas: { MessageHeaders: MESSAGE_HEADERS }, messages },
  };
}

/** The AsyncAPI document as it is written to `docs/asyncapi.json`. */
export function asyncApiJson(): string {
  return `${JSON.stringify(asyncApiDocument(), null, 2)}\n`;
}

/** `docs/topic-map.md`: who publishes and who consumes each topic, per event type. */
export function topicMapMarkdown(): string {
  const lines = [
    '# Topic map',
    '',
    '<!-- Generated from libs/contracts by `npm run docs:asyncapi`; do not edit by hand. -->',
    '',
    'Who publishes and who consumes each topic of the published language. The full message',
    'schemas are in [asyncapi.json](asyncapi.json), also served by every service at `/docs/asyncapi.json`.',
    '',
  ];
  for (const topic of TOPICS) {
    const contracts = PUBLISHED_LANGUAGE.filter((c) => c.topic === topic.name);
    lines.push(`## \`${topic.name}\``, '', `${topic.description} Keyed by ${topic.key}.`, '', `Published by: ${topic.publishers.join(', ')}.`, '');
    lines.push('| Event type | Consumed by | Note |', '| --- | --- | --- |');
    for (const c of contracts) {
      const note = isSuperseded(c) ? `superseded by \`${c.supersededBy.type}\`; upcast on arrival` : '';
      lines.push(`| \`${c.type}\` | ${c.consumers.join(', ') || '(none)'} | ${note} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
