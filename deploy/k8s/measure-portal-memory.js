#!/usr/bin/env node
/**
 * Measures the debtor portal's process as docs/deployment.md sizes the pods from: resident
 * memory idle and under load, how long it takes to be ready and to stop. The portal runs in
 * its own process on PostgreSQL, Kafka and MongoDB (`npm run build` and the servers first:
 * `set -a; . .infra/env; set +a`); debtor contact and payments are the compiled all-in-one
 * beside it (their memory is measured by measure-memory.js). The load: debtors opening their
 * link, passing the check, viewing the account and paying part through the local checkout.
 *
 *   node deploy/k8s/measure-portal-memory.js [debtors=300] [concurrency=16]
 */
'use strict';
const { spawn } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { SignJWT } = require('jose');
const { Client } = require('pg');

const root = join(__dirname, '..', '..');
const debtors = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 16);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (kib) => Math.round(kib / 1024);
const required = (name) => {
  if (!process.env[name]) throw new Error(`${name} is not set: source the servers' env file first`);
  return process.env[name];
};

function start(app, env) {
  const child = spawn(process.execPath, ['-r', join(root, 'deploy/runtime/register-paths.js'), join(root, 'dist/apps', app, 'src/main.js')], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  child.on('exit', (code) => code && code !== 0 && process.stderr.write(`${app} exited ${code}: ${errors}\n`));
  return child;
}

function status(pid) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)[1]);
  return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

async function until(check, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(100);
  }
}

async function main() {
  const runId = randomUUID().slice(0, 8);
  const secret = randomBytes(32).toString('base64url');
  const token = async (role) => `Bearer ${await new SignJWT({ role }).setProtectedHeader({ alg: 'HS256' }).setSubject(`${role}-measure`).setIssuedAt().setExpirationTime('2h').sign(Buffer.from(secret))}`;
  const [admin, collector] = [await token('admin'), await token('collector')];
  const servicesUrl = 'http://127.0.0.1:23100';
  const portalUrl = 'http://127.0.0.1:23106';
  const services = start('all-in-one', { PORT: '23100', PGLITE_DATA_DIR: 'memory', STAFF_TOKEN_SECRET: secret, EMAIL_DELIVERY: 'off' });
  const schema = `portal_measure_${runId}`;
  const startedAt = Date.now();
  const portal = start('portal', {
    PORT: '23106',
    EVENT_STORE: 'postgres',
    DATABASE_URL: required('DATABASE_URL'),
    EVENT_STORE_SCHEMA: schema,
    MESSAGE_BUS: 'kafka',
    KAFKA_BROKERS: required('KAFKA_BROKERS'),
    READ_MODELS: 'mongo',
    MONGO_URL: required('MONGO_URL'),
    TOPIC_PREFIX: `measure-${runId}.`,
    NODE_ENV: 'production',
    STAFF_TOKEN_SECRET: secret,
    DEBTOR_CONTACT_URL: servicesUrl,
    PAYMENTS_URL: servicesUrl,
    PORTAL_LINK_SECRET: randomBytes(32).toString('base64url'),
    PORTAL_PUBLIC_URL: portalUrl,
    PAYMENT_PROVIDER: 'local',
    PORTAL_ALLOW_LOCAL_CHECKOUT: 'true',
    AGENCY_NAME: 'Measure',
    AGENCY_PHONE: '1',
    AGENCY_EMAIL: 'm@example.com',
    AGENCY_ADDRESS: 'Somewhere',
  });
  await until(async () => (await fetch(`${portalUrl}/health/ready`)).ok, 'portal ready');
  const readySeconds = (Date.now() - startedAt) / 1000;
  await until(async () => (await fetch(`${servicesUrl}/health/ready`)).ok, 'all-in-one ready');
  await sleep(20_000);
  const idle = status(portal.pid).rss;

  const call = async (method, path, headers, body) => {
    const response = await fetch(`${servicesUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body && JSON.stringify(body) });
    return response.json();
  };
  const { clientId } = await call('POST', '/clients', { authorization: admin }, { name: `Measure ${runId}` });
  const { apiKey } = await call('POST', `/clients/${clientId}/api-keys`, { authorization: admin });
  const accounts = [];
  for (let index = 0; index < debtors; index += 1) {
    const placed = await call('POST', '/placements', { 'x-api-key': apiKey }, {
      clientReference: `M-${runId}-${index}`,
      commercial: false,
      category: 'standard',
      debtor: { kind: 'person', legalName: `Debtor ${index}`, country: 'US', region: 'NY', addresses: [{ lines: ['1 Main St'], city: 'New York', region: 'NY', postalCode: '10118', country: 'US' }] },
      invoices: [{ number: `INV-${index}`, issueDate: '2025-10-16', dueDate: '2025-11-15', originalAmount: 300000, currency: 'USD' }],
    });
    accounts.push(placed.accountId);
  }
  for (const accountId of accounts) await until(async () => (await fetch(`${servicesUrl}/ledgers/${accountId}`, { headers: { authorization: collector } })).ok, `ledger ${accountId}`);

  let peakSampled = idle;
  const sampler = setInterval(() => (peakSampled = Math.max(peakSampled, status(portal.pid).rss)), 200);
  const post = (url, fields) => fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
  const durations = [];
  let next = 0;
  const loadStarted = Date.now();
  const worker = async () => {
    while (next < accounts.length) {
      const accountId = accounts[next++];
      const began = Date.now();
      const issued = await fetch(`${portalUrl}/accounts/${accountId}/portal-links`, { method: 'POST', headers: { authorization: collector } });
      const { url } = await issued.json();
      await (await fetch(url)).text();
      const session = `${portalUrl}${(await post(url, { method: 'postcode', answer: '10118' })).headers.get('location')}`;
      await (await fetch(session)).text();
      const checkout = (await post(`${session}/payments`, { amount: '100.00', method: 'card' })).headers.get('location');
      const paid = await post(checkout, {});
      if (paid.status !== 303) throw new Error(`payment answered ${paid.status}`);
      await (await fetch(session)).text();
      durations.push(Date.now() - began);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  await sleep(10_000);
  clearInterval(sampler);
  const { hwm } = status(portal.pid);
  const stopStarted = Date.now();
  const stopped = new Promise((resolve) => portal.on('exit', resolve));
  portal.kill('SIGTERM');
  await stopped;
  const stopMs = Date.now() - stopStarted;
  services.kill('SIGTERM');
  durations.sort((a, b) => a - b);
  const db = new Client({ connectionString: required('DATABASE_URL') });
  await db.connect();
  await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.end();
  process.stdout.write(
    `portal: ready after ${readySeconds.toFixed(1)} s; idle RSS ${mib(idle)} MiB; peak RSS ${mib(Math.max(hwm, peakSampled))} MiB (VmHWM ${mib(hwm)}); stop ${stopMs} ms\n` +
      `load: ${debtors} debtor journeys (link, check, view, pay, view), ${concurrency} at a time, ${(debtors / loadSeconds).toFixed(1)} journeys/s, p50 ${durations[Math.floor(durations.length / 2)]} ms, p99 ${durations[Math.floor(durations.length * 0.99)]} ms\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
