#!/usr/bin/env node
/**
 * One readiness probe for PostgreSQL, polled by up.sh: connect with `pg` and run a query.
 * Usage: node wait-postgres.js postgres://user:pass@host:port/db
 */
const { Client } = require('pg');

const url = process.argv[2] || process.env.DATABASE_URL;
if (!url) {
  console.error('usage: wait-postgres.js postgres://user:pass@host:port/db');
  process.exit(2);
}

async function main() {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const { rows } = await client.query('select 1 as ok');
    if (rows[0].ok !== 1) throw new Error('unexpected answer to select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`postgres not ready: ${err && err.message ? err.message : err}`);
    process.exit(1);
  },
);
