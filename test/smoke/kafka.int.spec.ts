/**
 * Smoke test: the Kafka from `npm run infra:up` (or KAFKA_BROKERS) takes a topic,
 * a produced batch, and hands it to a consumer group.
 */
import { Admin, Consumer, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { requireEnv, uniqueName, within } from './require-env';

describe('Kafka smoke (kafkajs)', () => {
  let kafka: Kafka;
  let admin: Admin | undefined;
  let producer: Producer | undefined;
  let consumer: Consumer | undefined;
  const topic = uniqueName('smoke-topic');
  const groupId = uniqueName('smoke-group');

  beforeAll(async () => {
    kafka = new Kafka({
      clientId: 'smoke',
      brokers: requireEnv('KAFKA_BROKERS').split(','),
      logLevel: logLevel.NOTHING, // failures surface as the errors the tests throw
      connectionTimeout: 3000,
      retry: { retries: 3, initialRetryTime: 200 },
    });
    const client = kafka.admin();
    await client.connect();
    admin = client;
  });

  afterAll(async () => {
    await consumer?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    if (admin) {
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    }
  });

  it('creates a topic', async () => {
    // Not kafkajs's `waitForLeaders`: it gives up on UNKNOWN_TOPIC_OR_PARTITION, which a
    // busy broker still answers for a moment after the create (docs/message-bus.md); for
    // that moment `listTopics` does not show the topic either.
    const created = await admin!.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: false });
    expect(created).toBe(true);
    const partitions = await leadersOf(admin!, topic, 30000);
    expect(partitions).toHaveLength(3);
    expect(await admin!.listTopics()).toContain(topic);
  });

  it('produces and consumes with a consumer group', async () => {
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
    await producer.connect();
    const sent = ['a', 'b', 'c', 'd', 'e', 'f'].map((key, i) => ({ key, value: JSON.stringify({ n: i }) }));
    await producer.send({ topic, acks: -1, messages: sent });

    consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 1000 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });

    const received: { key: string; value: string; partition: number }[] = [];
    const allReceived = new Promise<void>((resolve) => {
      void consumer!.run({
        eachMessage: async ({ message, partition }) => {
          received.push({ key: message.key!.toString(), value: message.value!.toString(), partition });
          if (received.length === sent.length) resolve();
        },
      });
    });
    await within(30000, `consumer group ${groupId} did not get all ${sent.length} messages`, allReceived);

    expect(received.map((m) => m.key).sort()).toEqual(sent.map((m) => m.key));
    expect(received.find((m) => m.key === 'c')!.value).toBe(JSON.stringify({ n: 2 }));

    // The group committed its offsets: the broker knows it and where it stands.
    await consumer.disconnect();
    consumer = undefined;
    const offsets = await admin!.fetchOffsets({ groupId, topics: [topic] });
    const committed = offsets[0].partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    expect(committed).toBe(sent.length);
  });
});

/** The topic's partitions once the broker knows the topic and every partition has a leader. */
async function leadersOf(admin: Admin, topic: string, timeoutMs: number): Promise<{ partitionId: number; leader: number }[]> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      if (metadata.partitions.length > 0 && metadata.partitions.every((partition) => partition.leader >= 0)) {
        return metadata.partitions;
      }
    } catch (error) {
      if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`topic ${topic} got no leaders within ${timeoutMs} ms`);
}
