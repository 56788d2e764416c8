#!/usr/bin/env node
/**
 * One readiness probe for FerretDB (or any MongoDB-wire server), polled by up.sh:
 * connect with the MongoDB driver that mongoose ships and run `ping` and `listDatabases`.
 * Usage: node wait-mongo.js mongodb://127.0.0.1:37017/collections
 */
const { MongoClient } = require('mongoose').mongo;

const url = process.argv[2] || process.env.MONGO_URL;
if (!url) {
  console.error('usage: wait-mongo.js mongodb://host:port/db');
  process.exit(2);
}

async function main() {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 3000, connectTimeoutMS: 3000 });
  try {
    await client.connect();
    await client.db().command({ ping: 1 });
    await client.db().admin().listDatabases();
  } finally {
    await client.close().catch(() => undefined);
  }
}

// A wedged server accepts connections and the handshake but never answers commands.
const timer = setTimeout(() => {
  console.error('mongo probe timed out: the server accepts connections but does not answer commands');
  process.exit(1);
}, Number(process.env.PROBE_TIMEOUT_MS || 10000));
main().then(
  () => {
    clearTimeout(timer);
    process.exit(0);
  },
  (err) => {
    console.error(`mongo not ready: ${err && err.message ? err.message : err}`);
    process.exit(1);
  },
);
