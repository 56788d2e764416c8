/**
 * A steady load of placements and payments for the fault tests, and the checks that what
 * it was told happened did happen, once.
 *
 * Each request carries an Idempotency-Key. A request whose answer is lost (connection
 * refused or reset, no answer within the timeout) or is a 5xx is sent again with the SAME
 * key, as a real client would, until it gets an answer or its deadline passes; one still
 * without an answer then is "in doubt" and is sent again (same key) once the fault is over.
 * Every 2xx is recorded as acknowledged: the checks hold the system to exactly those.
 */
import { randomUUID } from 'node:crypto';
import { FaultDeployment, Service, SERVICES } from './fault-deployment';
import { staffToken } from '../journeys/deployment';

const PLACED_AMOUNT = 750_050;

export interface Answer {
  status: number;
  body: any;
}

interface Request {
  service: Service;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** One HTTP exchange, bounded: a server that never answers counts as an answer lost. */
export async function send(d: FaultDeployment, request: Request, timeoutMs = 10_000): Promise<Answer> {
  const response = await fetch(`${d.url(request.service)}${request.path}`, {
    method: request.method,
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Client {
  clientId: string;
  apiKey: string;
}

interface PendingCommand {
  kind: 'placement' | 'payment';
  key: string;
  request: Request;
  accountId: string;
  amount: number;
}

export interface LoadReport {
  acknowledgedPlacements: number;
  acknowledgedPayments: number;
  /** Attempts that got no answer (connection refused or reset, timeout) or a 5xx, and were retried. */
  retries: number;
  /** Commands still without an answer at the end of the load, settled afterwards with their keys. */
  inDoubt: number;
  /** Payments refused because the account's ledger was not open yet (its placement still in flight): not commands the system took. */
  ledgerNotYetOpen: number;
}

/**
 * The load: `workers` clients in parallel, each sending one command after another with a
 * pause between them, alternating placements and payments on accounts already placed.
 */
export class Load {
  /** Acknowledged placements: account id to its client reference. */
  readonly placements = new Map<string, string>();
  /** Acknowledged payments: account id to its payments (id and amount). */
  readonly payments = new Map<string, Array<{ paymentId: string; amount: number }>>();
  /** Answers that are neither an acknowledgement nor a refusal the load expects: each one is a failure. */
  readonly unexpected: Array<{ key: string; status: number; body: unknown }> = [];
  private readonly inDoubt: PendingCommand[] = [];
  private retries = 0;
  private inDoubtCount = 0;
  private ledgerNotYetOpen = 0;
  private sequence = 0;
  /** Keys are the collector's across loads: a load's own prefix keeps them apart. */
  private readonly run = randomUUID().slice(0, 8);
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly d: FaultDeployment,
    readonly client: Client,
    private readonly options: { workers?: number; pauseMs?: number; retryForMs?: number } = {},
  ) {}

  /** Onboards a client of the load's own (before any fault). */
  static async start(d: FaultDeployment, name: string, options?: { workers?: number; pauseMs?: number; retryForMs?: number }): Promise<Load> {
    const admin = { authorization: staffToken('admin') };
    const onboarded = await send(d, { service: 'client-intake', method: 'POST', path: '/clients', headers: admin, body: { name } });
    if (onboarded.status !== 201) throw new Error(`onboarding: ${onboarded.status} ${JSON.stringify(onboarded.body)}`);
    const key = await send(d, { service: 'client-intake', method: 'POST', path: `/clients/${onboarded.body.clientId}/api-keys`, headers: admin });
    if (key.status !== 201) throw new Error(`issuing an API key: ${key.status} ${JSON.stringify(key.body)}`);
    const load = new Load(d, { clientId: onboarded.body.clientId, apiKey: key.body.apiKey }, options);
    load.running = Promise.all(Array.from({ length: options?.workers ?? 3 }, (_, worker) => load.work(worker))).then(() => undefined);
    return load;
  }

  /** Ends the load, then sends every command in doubt again with its key until it is answered (at most `settleForMs`). */
  async stop(settleForMs = 60_000): Promise<LoadReport> {
    this.stopped = true;
    await this.running;
    const pending = this.inDoubt.splice(0);
    for (const command of pending) {
      const answer = await this.sendUntilAnswered(command, settleForMs);
      if (!answer) throw new Error(`${command.kind} ${command.key} still unanswered ${settleForMs} ms after the load ended`);
      this.record(command, answer);
    }
    return {
      acknowledgedPlacements: this.placements.size,
      acknowledgedPayments: [...this.payments.values()].reduce((n, list) => n + list.length, 0),
      retries: this.retries,
      inDoubt: this.inDoubtCount,
      ledgerNotYetOpen: this.ledgerNotYetOpen,
    };
  }

  private async work(worker: number): Promise<void> {
    let turn = 0;
    while (!this.stopped) {
      const command = turn++ % 2 === 0 || this.placements.size === 0 ? this.nextPlacement(worker) : this.nextPayment(worker);
      const answer = await this.sendUntilAnswered(command, this.options.retryForMs ?? 20_000);
      if (answer) this.record(command, answer);
      else {
        this.inDoubt.push(command);
        this.inDoubtCount++;
      }
      await sleep(this.options.pauseMs ?? 250);
    }
  }

  private nextPlacement(worker: number): PendingCommand {
    const reference = `FAULT-${worker}-${++this.sequence}`;
    const key = `place-${this.run}-${reference}`;
    return {
      kind: 'placement',
      key,
      accountId: '',
      amount: PLACED_AMOUNT,
      request: {
        service: 'client-intake',
        method: 'POST',
        path: '/placements',
        headers: { 'x-api-key': this.client.apiKey, 'idempotency-key': key },
        body: {
          clientReference: reference,
          commercial: true,
          debtor: { kind: 'company', legalName: `Debtor ${reference}`, country: 'US', region: 'NY' },
          invoices: [
            { number: 'INV-1', issueDate: '2025-10-16', dueDate: '2025-11-15', originalAmount: 300_000, currency: 'USD' },
            { number: 'INV-2', issueDate: '2025-11-15', dueDate: '2025-12-15', originalAmount: PLACED_AMOUNT - 300_000, currency: 'USD' },
          ],
        },
      },
    };
  }

  /** A small payment (the account is never paid off, so every account stays open) on an account placed earlier. */
  private nextPayment(worker: number): PendingCommand {
    const accounts = [...this.placements.keys()];
    const n = ++this.sequence;
    const accountId = accounts[(n * 7 + worker) % accounts.length];
    const amount = 1_000 + (n % 50) * 10;
    const key = `pay-${this.run}-${worker}-${n}`;
    return {
      kind: 'payment',
      key,
      accountId,
      amount,
      request: {
        service: 'payments',
        method: 'POST',
        path: '/payments',
        headers: { authorization: staffToken('collector'), 'idempotency-key': key },
        body: { accountId, amount, currency: 'USD', method: 'ach' },
      },
    };
  }

  private async sendUntilAnswered(command: PendingCommand, forMs: number): Promise<Answer | undefined> {
    const deadline = Date.now() + forMs;
    for (;;) {
      try {
        const answer = await send(this.d, command.request);
        if (answer.status < 500) return answer;
      } catch {
        // no answer: refused, reset or timed out
      }
      if (Date.now() > deadline) return undefined;
      this.retries++;
      await sleep(250);
    }
  }

  private record(command: PendingCommand, answer: Answer): void {
    if (command.kind === 'placement' && answer.status === 201) {
      this.placements.set(answer.body.accountId, (command.request.body as { clientReference: string }).clientReference);
      return;
    }
    if (command.kind === 'payment' && answer.status === 201 && answer.body.accountId === command.accountId && answer.body.paymentId) {
      const list = this.payments.get(command.accountId) ?? [];
      list.push({ paymentId: answer.body.paymentId, amount: command.amount });
      this.payments.set(command.accountId, list);
      return;
    }
    if (command.kind === 'payment' && answer.status === 404 && answer.body?.rule === 'ledger-unknown') {
      this.ledgerNotYetOpen++;
      return;
    }
    this.unexpected.push({ key: command.key, status: answer.status, body: answer.body });
  }

  collectedOn(accountId: string): number {
    return (this.payments.get(accountId) ?? []).reduce((sum, payment) => sum + payment.amount, 0);
  }

  get totalCollected(): number {
    return [...this.placements.keys()].reduce((sum, accountId) => sum + this.collectedOn(accountId), 0);
  }
}

/**
 * Every way the deployment disagrees with what the load was told: an acknowledged
 * placement missing from intake, debtor contact, legal referral or reporting; a ledger
 * whose payments are not exactly the acknowledged ones; reporting's figures off the sums.
 * Empty when the system converged.
 */
export async function discrepancies(d: FaultDeployment, load: Load): Promise<string[]> {
  const found: string[] = [];
  const client = { 'x-api-key': load.client.apiKey };
  const staff = (role: 'accountant' | 'collector' | 'legal') => ({ authorization: staffToken(role) });
  const get = async (service: Service, path: string, headers: Record<string, string>) => {
    try {
      return await send(d, { service, method: 'GET', path, headers });
    } catch (error) {
      return { status: 0, body: String(error) };
    }
  };
  const accounts = [...load.placements.keys()];
  await inBatches(accounts, 6, async (accountId) => {
    const [intake, contact, referral, ledger, summary] = await Promise.all([
      get('client-intake', `/accounts/${accountId}`, client),
      get('debtor-contact', `/cases/${accountId}`, staff('collector')),
      get('legal-referral', `/referrals/${accountId}`, staff('legal')),
      get('payments', `/ledgers/${accountId}`, staff('accountant')),
      get('reporting', `/reports/accounts/${accountId}`, client),
    ]);
    if (intake.status !== 200) found.push(`intake: account ${accountId} answers ${intake.status}`);
    if (contact.status !== 200) found.push(`debtor-contact: case ${accountId} answers ${contact.status}`);
    if (referral.status !== 200) found.push(`legal-referral: referral ${accountId} answers ${referral.status}`);
    const expected = (load.payments.get(accountId) ?? []).map((p) => `${p.paymentId}:${p.amount}`).sort();
    if (ledger.status !== 200) found.push(`payments: ledger ${accountId} answers ${ledger.status}`);
    else {
      const onLedger = (ledger.body.payments as Array<{ paymentId: string; amount: number; reversed: boolean }>).map((p) => `${p.paymentId}:${p.amount}`).sort();
      if (JSON.stringify(onLedger) !== JSON.stringify(expected)) found.push(`payments: ledger ${accountId} holds [${onLedger}], acknowledged [${expected}]`);
    }
    if (summary.status !== 200) found.push(`reporting: account ${accountId} answers ${summary.status}`);
    else if (summary.body.collected !== load.collectedOn(accountId) || summary.body.placedAmount !== PLACED_AMOUNT) {
      found.push(`reporting: account ${accountId} shows placed ${summary.body.placedAmount}, collected ${summary.body.collected}; acknowledged ${PLACED_AMOUNT}, ${load.collectedOn(accountId)}`);
    }
  });
  const portfolio = await get('reporting', `/reports/portfolio/${load.client.clientId}`, client);
  const want = { placedCount: accounts.length, placedAmount: accounts.length * PLACED_AMOUNT, collected: load.totalCollected };
  const have = portfolio.status === 200 ? { placedCount: portfolio.body.placedCount, placedAmount: portfolio.body.placedAmount, collected: portfolio.body.collected } : portfolio.status;
  if (JSON.stringify(have) !== JSON.stringify(want)) found.push(`reporting: portfolio ${JSON.stringify(have)}, acknowledged ${JSON.stringify(want)}`);
  return found;
}

/** Polls `discrepancies` until there are none; throws with the last ones after `timeoutMs`. Resolves with the time it took. */
export async function converged(d: FaultDeployment, load: Load, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  let last: string[] = [];
  for (;;) {
    last = await discrepancies(d, load);
    if (last.length === 0) return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`not converged after ${timeoutMs} ms (${last.length} discrepancies):\n${last.slice(0, 20).join('\n')}\n${await pipelineState(d)}`);
    }
    await sleep(1_000);
  }
}

/** Where each service's relay and consumers stood (its /metrics) and its last errors, for a run that did not converge. */
async function pipelineState(d: FaultDeployment): Promise<string> {
  const lines = ['--- relays and consumers (/metrics) ---'];
  for (const service of SERVICES) {
    const metrics = await (async () => fetch(`${d.url(service)}/metrics`, { signal: AbortSignal.timeout(5_000) }).then((response) => response.text()))().catch(
      (error: unknown) => `unreachable: ${String(error)}`,
    );
    const wanted = metrics.split('\n').filter((line) => /^(relay_lag_events|relay_seconds_since_progress|consumer_lag_messages|dead_letters_total)\b/.test(line) || line.startsWith('unreachable'));
    lines.push(`${service}: ${wanted.join('; ') || '(none)'}`);
    // The last errors it logged (a relay's failed rounds, a consumer's failures), shortened.
    const errors = d.output(service).split('\n').filter((line) => line.includes('"level":"error"')).slice(-3);
    for (const line of errors) lines.push(`  ${line.slice(0, 600)}`);
  }
  return lines.join('\n');
}

/**
 * The integrity check (reporting asks every service to verify its hash chains) for a
 * sample of the accounts: the first, the last and some between. Returns the accounts not `ok`.
 */
export async function brokenChains(d: FaultDeployment, load: Load, sample = 6): Promise<string[]> {
  const accounts = [...load.placements.keys()];
  const step = Math.max(1, Math.floor(accounts.length / (sample - 1)));
  const picked = [...new Set([...accounts.filter((_, i) => i % step === 0), accounts[accounts.length - 1]])].slice(0, sample + 1);
  const broken: string[] = [];
  for (const accountId of picked) {
    const answer = await send(d, { service: 'reporting', method: 'GET', path: `/audit/accounts/${accountId}/integrity`, headers: { authorization: staffToken('compliance') } }, 20_000);
    const streams = answer.status === 200 ? (answer.body.services as Array<{ streams: unknown[] }>).flatMap((s) => s.streams).length : 0;
    // A placed account has at least its intake stream, its case, its referral and its ledger.
    if (answer.status !== 200 || answer.body.ok !== true || streams < 4) broken.push(`${accountId}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
  }
  return broken;
}

async function inBatches<T>(items: T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}
