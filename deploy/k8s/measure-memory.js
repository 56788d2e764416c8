#!/usr/bin/env node
/**
 * Measures what docs/deployment.md sizes the pods' memory from: each service's resident
 * memory (VmRSS, and the peak VmHWM, from /proc/<pid>/status) idle, during a placement load,
 * and after it, with the five services each in its own process on PostgreSQL, Kafka and
 * MongoDB (`npm run build` and the servers first: `set -a; . .infra/env; set +a`). It also
 * times how long each service takes to become ready and to stop on SIGTERM.
 *
 *   node deploy/k8s/measure-memory.js [placements=1500] [concurrency=16] [invoices per placement=2]
 *
 * 500 invoices per placement is the largest documented request (about 113 KB).
 *
 * Everything it creates is namespaced by one run id (schemas, topics, Mongo database);
 * schemas and the database are dropped at the end.
 */
'use strict';
const { spawn } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { SignJWT } = require('jose');
const { Client } = require('pg');
const { MongoClient } = require('mongodb');

const root = process.env.MEASURE_ROOT ?? join(__dirname, '..', '..');
const placements = Number(process.argv[2] ?? 1500);
const concurrency = Number(process.argv[3] ?? 16);
const invoicesPerPlacement = Number(process.argv[4] ?? 2);
const SERVICES = ['client-intake', 'debtor-contact', 'payments', 'legal-referral', 'reporting'];
const URL_VARIABLES = { 'client-intake': 'CLIENT_INTAKE_URL', 'debtor-contact': 'DEBTOR_CONTACT_URL', payments: 'PAYMENTS_URL', 'legal-referral': 'LEGAL_REFERRAL_URL' };
const BASE_PORT = 23001;

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: source the servers' env file first`);
  return value;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (kib) => Math.round(kib / 1024);

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** User + system CPU seconds the process has used (clock ticks of /proc/<pid>/stat at 100 Hz). */
function cpuSecondsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function main() {
  const run = `mem${randomUUID().slice(0, 8)}`;
  const secret = randomBytes(32).toString('hex');
  const mongo = new URL(required('MONGO_URL'));
  mongo.pathname = `/${run}`;
  const portOf = (service) => BASE_PORT + SERVICES.indexOf(service);
  const urlOf = (service) => `http://127.0.0.1:${portOf(service)}`;
  const schemaOf = (service) => `${run}_${service.replace(/-/g, '_')}`;
  const common = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    EVENT_STORE: 'postgres',
    DATABASE_URL: required('DATABASE_URL'),
    MESSAGE_BUS: 'kafka',
    KAFKA_BROKERS: required('KAFKA_BROKERS'),
    TOPIC_PREFIX: `${run}.`,
    READ_MODELS: 'mongo',
    MONGO_URL: mongo.toString(),
    STAFF_TOKEN_SECRET: secret,
    AGENCY_SIGNING_KEY: require('node:crypto').generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    LOG_LEVEL: 'warn',
    ...Object.fromEntries(Object.entries(URL_VARIABLES).map(([service, variable]) => [variable, urlOf(service)])),
  };

  const started = Date.now();
  const apps = SERVICES.map((service) => {
    const child = spawn(process.execPath, ['-r', './deploy/runtime/register-paths.js', `dist/apps/${service}/src/main.js`], {
      cwd: root,
      env: { PATH: process.env.PATH, ...common, PORT: String(portOf(service)), EVENT_STORE_SCHEMA: schemaOf(service) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors = (errors + chunk).slice(-4000)));
    const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    return { service, child, exited, errors: () => errors };
  });

  const figures = {};
  try {
    await Promise.all(
      apps.map(async (app) => {
        // A build from before /health/ready answers 404 there: fall back to /health.
        let readiness = '/health/ready';
        for (const deadline = Date.now() + 90_000; ; ) {
          if (app.child.exitCode !== null) throw new Error(`${app.service} exited:\n${app.errors()}`);
          const status = await fetch(`${urlOf(app.service)}${readiness}`).then((r) => r.status, () => 0);
          if (status === 404) readiness = '/health';
          if (status === 200) break;
          if (Date.now() > deadline) throw new Error(`${app.service} not ready after 90 s:\n${app.errors()}`);
          await sleep(100);
        }
        figures[app.service] = { readyAfterMs: Date.now() - started, readiness };
      }),
    );

    await sleep(20_000);
    for (const app of apps) figures[app.service].idleRss = mib(memoryOf(app.child.pid).rss);

    const admin = `Bearer ${await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('measure').setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(secret))}`;
    const post = (url, headers, body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const intake = urlOf('client-intake');
    const answer = async (response) => {
      const body = await response.json();
      if (!response.ok) throw new Error(`${response.url}: ${response.status} ${JSON.stringify(body)}`);
      return body;
    };
    const { clientId } = await answer(await post(`${intake}/clients`, { authorization: admin }, { name: 'Memory Measurement Inc.' }));
    const { apiKey } = await answer(await post(`${intake}/clients/${clientId}/api-keys`, { authorization: admin }));

    const cpuBefore = Object.fromEntries(apps.map((app) => [app.service, cpuSecondsOf(app.child.pid)]));
    const peaks = Object.fromEntries(SERVICES.map((service) => [service, 0]));
    const sampler = setInterval(() => {
      for (const app of apps) peaks[app.service] = Math.max(peaks[app.service], memoryOf(app.child.pid).rss);
    }, 200);
    const latencies = [];
    let next = 0;
    let refused = 0;
    const loadStarted = Date.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < placements; i = next++) {
          const sent = Date.now();
          const response = await post(`${intake}/placements`, { 'x-api-key': apiKey, 'idempotency-key': `${run}-${i}` }, placement(i));
          const body = await response.text();
          latencies.push(Date.now() - sent);
          if (response.status !== 201 && response.status !== 200 && refused++ === 0) console.error(`placement refused: ${response.status} ${body}`);
        }
      }),
    );
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    // The other services work through the integration events after the last answer.
    await sleep(30_000);
    for (const app of apps) figures[app.service].loadCpuSeconds = Math.round((cpuSecondsOf(app.child.pid) - cpuBefore[app.service]) * 10) / 10;
    clearInterval(sampler);
    latencies.sort((a, b) => a - b);
    for (const app of apps) {
      const { rss, hwm } = memoryOf(app.child.pid);
      Object.assign(figures[app.service], { loadPeakRss: mib(Math.max(peaks[app.service], hwm)), afterLoadRss: mib(rss) });
    }
    console.log(
      JSON.stringify(
        {
          run,
          node: process.version,
          placements,
          concurrency,
          invoicesPerPlacement,
          refused,
          loadSeconds: Math.round(loadSeconds),
          placementsPerSecond: Math.round(placements / loadSeconds),
          p50Ms: latencies[Math.floor(latencies.length * 0.5)],
          p99Ms: latencies[Math.floor(latencies.length * 0.99)],
        },
        null,
        2,
      ),
    );
  } finally {
    await Promise.all(
      apps.map(async (app) => {
        const stopping = Date.now();
        app.child.kill('SIGTERM');
        const code = await Promise.race([app.exited, sleep(60_000).then(() => 'timeout')]);
        if (code === 'timeout') app.child.kill('SIGKILL');
        figures[app.service] = { ...figures[app.service], stopMs: Date.now() - stopping, exitCode: code };
      }),
    );
    console.table(figures);
    const pg = new Client({ connectionString: required('DATABASE_URL') });
    await pg.connect();
    for (const service of SERVICES) await pg.query(`DROP SCHEMA IF EXISTS "${schemaOf(service)}" CASCADE`);
    await pg.end();
    const client = await MongoClient.connect(mongo.toString());
    await client.db().dropDatabase();
    await client.close();
  }
}

function placement(i) {
  return {
    clientReference: `MEM-${i}`,
    commercial: true,
    debtor: { kind: 'company', legalName: `Debtor ${i} LLC`, country: 'US', region: 'NY' },
    invoices: Array.from({ length: invoicesPerPlacement }, (_, n) => ({
      number: `INV-${i}-${n + 1}`,
      issueDate: '2025-10-16',
      dueDate: '2025-11-15',
      originalAmount: 300000 + n,
      currency: 'USD',
    })),
  };
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
