#!/usr/bin/env node
/**
 * One readiness probe for Kafka, polled by up.sh: connect with kafkajs' admin client,
 * create a topic if it is missing, and list topics. Exit 0 when it all worked.
 * Usage: node wait-kafka.js 127.0.0.1:39092[,host:port...]
 */
const { Kafka, logLevel } = require('kafkajs');

const brokers = (process.argv[2] || process.env.KAFKA_BROKERS || '').split(',').filter(Boolean);
if (brokers.length === 0) {
  console.error('usage: wait-kafka.js host:port[,host:port]');
  process.exit(2);
}
const topic = '__collections_infra_ready';

async function main() {
  const kafka = new Kafka({
    clientId: 'infra-ready',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const existing = await admin.listTopics();
    if (!existing.includes(topic)) {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    }
    const topics = await admin.listTopics();
    if (!topics.includes(topic)) throw new Error(`topic ${topic} not listed after creation`);
    // The group coordinator must be up too, or the first consumer waits for it.
    await admin.describeGroups(['__collections_infra_ready']);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

const timer = setTimeout(() => {
  console.error('kafka probe timed out');
  process.exit(1);
}, 15000);
main().then(
  () => {
    clearTimeout(timer);
    process.exit(0);
  },
  (err) => {
    console.error(`kafka not ready: ${err && err.message ? err.message : err}`);
    process.exit(1);
  },
);
