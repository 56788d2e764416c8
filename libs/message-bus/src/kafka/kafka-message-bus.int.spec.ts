import { Kafka, logLevel } from 'kafkajs';
import { messageBusContract } from '../contract/message-bus.contract';
import { createKafkaMessageBus } from './kafka-message-bus';

/**
 * Runs the shared contract against a real broker. KAFKA_BROKERS comes from the
 * environment or from `.infra/env` (written by `npm run infra:up`); without it this
 * suite fails rather than skips, so a run that never reached Kafka cannot pass as green.
 */
const brokers = (process.env.KAFKA_BROKERS ?? '')
  .split(',')
  .map((broker) => broker.trim())
  .filter((broker) => broker !== '');

if (brokers.length === 0) {
  describe('message bus contract: kafka', () => {
    it('needs KAFKA_BROKERS (host:port[,host:port]) to reach a Kafka broker', () => {
      throw new Error('KAFKA_BROKERS is not set: run `npm run infra:up` or export KAFKA_BROKERS');
    });
  });
} else {
  // Its own client, not the bus: probing and tidying are not things the port offers.
  const admin = new Kafka({
    clientId: 'message-bus-contract-admin',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  }).admin();

  // One quick probe, so an unreachable broker fails the suite in seconds, not test by test.
  beforeAll(async () => {
    try {
      await admin.connect();
    } catch (error) {
      throw new Error(`no Kafka broker reachable at ${brokers.join(',')}: ${(error as Error).message}`);
    }
  });

  afterAll(async () => {
    await admin.disconnect();
  });

  messageBusContract(
    'kafka',
    () =>
      createKafkaMessageBus({
        brokers,
        clientId: 'message-bus-contract',
        logLevel: 'error',
        retryBackoff: { initialMs: 50, maxMs: 200 },
      }),
    {
      waitTimeoutMs: 20_000,
      testTimeoutMs: 45_000,
      cleanup: async (topics) => {
        const existing = new Set(await admin.listTopics());
        const created = topics.filter((topic) => existing.has(topic));
        if (created.length > 0) await admin.deleteTopics({ topics: created, timeout: 10_000 });
      },
    },
  );
}
