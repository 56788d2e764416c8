import { CommissionCorrected, CommissionCorrectedV1, CostAdvanceStepRecorded, CreditRefunded, CreditRefundedV1, CostAdvanceStepRecordedV1, PaymentPosted, PaymentPostedV3, PaymentReversed, PaymentReversedV2, RemittanceIssuedV1 } from '@lib/contracts';
import type { Projection, ReadModelStore } from '@lib/read-models';

export const TRUST_LEDGER = 'trust_ledger';

/**
 * The accounts of payments' trust ledger as one client's view shows them (docs/reporting.md,
 * "Trust ledger"): the trust cash its money moved through, its payable, the agency's fee on
 * its collections, over-payments owed back to its debtors, what it owes the trust, and its
 * cost advances held.
 */
export const TRUST_LEDGER_ACCOUNTS = ['trust-cash', 'client-payable', 'fee-income', 'credits-owed', 'client-receivable', 'client-cost-advances'] as const;
export type TrustLedgerAccount = (typeof TRUST_LEDGER_ACCOUNTS)[number];

/** Debit-balance accounts (assets); the others carry credit balances. */
const DEBIT_NORMAL: ReadonlySet<TrustLedgerAccount> = new Set(['trust-cash', 'client-receivable']);

export type TrustLedgerEntryKind =
  | 'payment-collected'
  | 'direct-payment-reported'
  | 'payment-reversed'
  | 'payment-clawed-back'
  | 'direct-payment-reversed'
  | 'credit-refunded'
  | 'remittance-issued'
  | 'commission-corrected'
  | 'cost-advance-received'
  | 'cost-advance-spent'
  | 'cost-advance-refunded';

export interface TrustLedgerLine {
  account: TrustLedgerAccount;
  /** Minor units; exactly one of debit and credit is above zero. */
  debit: number;
  credit: number;
}

export interface TrustLedgerEntry {
  kind: TrustLedgerEntryKind;
  at: string;
  currency: string;
  source: { accountId?: string; paymentId?: string; refundId?: string; remittanceId?: string; advanceId?: string };
  lines: TrustLedgerLine[];
  /** On a remittance: what the statement invoiced the client (its receivable stays open until paid). */
  invoiced?: number;
  /**
   * On a remittance: whether the agency payments reporting marks as paid out by it (its
   * client's standing, unremitted payments cleared by the period's end) add up to the
   * statement's count and amount. False: a later claw-back may be shown as a plain reversal.
   */
  listingMatched?: boolean;
}

interface PaymentFacts {
  currency: string;
  accountId: string;
  amount: number;
  credit: number;
  commission: number;
  direct: boolean;
  clearsAt: string;
  reversed: boolean;
  remittanceId?: string;
}

/**
 * One client's journal, as stored. It grows with every payment of the client, so an event
 * must not copy or rewrite all of it (a projection returns a new document and may not change
 * the one it gets; copying the whole journal per event made a rebuild's cost grow with the
 * square of a client's payments), and a MongoDB-wire server must not take it apart field by
 * field on every write: FerretDB converts each nested field of a replaced document, so a
 * journal of objects cost it tens of ms per payment once a client had a few hundred
 * (docs/benchmarks.md, *Read models*, round 5). So both parts are JSON text: payments' facts
 * in buckets by payment id (each bucket one text of `{ [paymentId]: facts }`; a payment's
 * bucket is a hash of its id modulo the number of buckets the journal has), and the entries
 * in pages of at most `ENTRY_PAGE`, arrival order, a page one text of one entry's JSON per
 * line (JSON text has no raw line break). An event parses the one bucket it reads and appends
 * to the last page. A journal starts with `PAYMENT_BUCKETS` buckets and doubles them when it
 * holds more than `FACTS_PER_BUCKET` payments per bucket: with a fixed number, a bucket grew
 * with the client's payments, and so did the text each payment parses and writes back (at
 * 4 500 payments a client, 45% of a 1 000 000-event replay's CPU; docs/benchmarks.md).
 */
export interface TrustLedgerDocument {
  clientId: string;
  paymentFacts: string[];
  entryLines: string[];
  /** Payments in `paymentFacts`; absent on a journal stored before buckets could double (counted when a payment is added). */
  paymentCount?: number;
  /** Entries on the last page of `entryLines`; absent on a journal stored before it was kept (counted when an entry is added). */
  lastPageEntries?: number;
}

const PAYMENT_BUCKETS = 64;
/** The fields of a payment's facts: keys inside a bucket's text that are not payment ids. */
const FACT_FIELDS: ReadonlySet<string> = new Set<keyof PaymentFacts>(['currency', 'accountId', 'amount', 'credit', 'commission', 'direct', 'clearsAt', 'reversed', 'remittanceId']);
/** Payments per bucket, on average, past which a journal doubles its buckets. */
const FACTS_PER_BUCKET = 16;
const ENTRY_PAGE = 256;
const EMPTY_BUCKET = '{}';

function bucketOf(paymentId: string, buckets: number): number {
  let hash = 0;
  for (let i = 0; i < paymentId.length; i++) hash = (Math.imul(hash, 31) + paymentId.charCodeAt(i)) | 0;
  return (hash >>> 0) % buckets;
}

/**
 * The journal as stored before it was kept as text: payments' facts in buckets of objects
 * (`paymentBuckets`) and the entries in pages of objects (`entryPages`, a page an object
 * because MongoDB-wire servers refuse nested arrays).
 */
export interface PagedTrustLedgerDocument {
  clientId: string;
  paymentBuckets: Record<string, PaymentFacts>[];
  entryPages: { entries: TrustLedgerEntry[] }[];
}

/**
 * The journal as stored before it was kept in parts: every payment's facts in one record
 * and every entry in one list. A store written then (or with pages of objects) still holds
 * it until the view is rebuilt, so it is read, and evolved, as text (`asText`).
 */
export interface WholeTrustLedgerDocument {
  clientId: string;
  payments: Record<string, PaymentFacts>;
  entries: TrustLedgerEntry[];
}

/** Any shape a journal was ever stored in. */
export type StoredTrustLedgerDocument = TrustLedgerDocument | PagedTrustLedgerDocument | WholeTrustLedgerDocument;

const linesOf = (page: string): string[] => (page === '' ? [] : page.split('\n'));

function lineCount(page: string): number {
  if (page === '') return 0;
  let count = 1;
  for (let at = page.indexOf('\n'); at >= 0; at = page.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** The journal as text, whichever shape it was stored in. */
export function asText(document: StoredTrustLedgerDocument): TrustLedgerDocument {
  if ('entryLines' in document) return document;
  const buckets: Record<string, PaymentFacts>[] = Array.from({ length: PAYMENT_BUCKETS }, () => ({}));
  const facts = 'payments' in document ? Object.entries(document.payments) : document.paymentBuckets.flatMap((bucket) => Object.entries(bucket));
  for (const [paymentId, payment] of facts) buckets[bucketOf(paymentId, PAYMENT_BUCKETS)][paymentId] = payment;
  const entries = 'entries' in document ? document.entries : document.entryPages.flatMap((page) => page.entries);
  const entryLines: string[] = [];
  for (let start = 0; start < entries.length; start += ENTRY_PAGE) entryLines.push(entries.slice(start, start + ENTRY_PAGE).map((entry) => JSON.stringify(entry)).join('\n'));
  return { clientId: document.clientId, paymentFacts: buckets.map((bucket) => JSON.stringify(bucket)), entryLines };
}

/** The journal's entries in arrival order. */
export function trustLedgerEntries(document: StoredTrustLedgerDocument): TrustLedgerEntry[] {
  if ('entryLines' in document) return document.entryLines.flatMap((page) => linesOf(page).map((line) => JSON.parse(line) as TrustLedgerEntry));
  return 'entries' in document ? document.entries : document.entryPages.flatMap((page) => page.entries);
}

/** A journal being evolved: the buckets it reads parsed (private copies), new entries appended to the last page. */
class JournalDraft {
  private factTexts: readonly string[];
  private parsed = new Map<number, Record<string, PaymentFacts>>();
  /** Buckets a new payment was appended to as text, not parsed (`addPayment`). */
  private readonly appended = new Map<number, string>();
  private readonly changed = new Set<number>();
  private readonly pages: string[];
  /** Entries on the last page, counted when the first entry is added. */
  private lastPageEntries: number | undefined;
  /** Payments held; undefined until needed on a journal stored without the count. */
  private paymentCount: number | undefined;

  constructor(private readonly clientId: string, stored: StoredTrustLedgerDocument | null) {
    const document = stored && asText(stored);
    this.factTexts = document ? document.paymentFacts : EMPTY_BUCKETS;
    this.pages = document ? [...document.entryLines] : [];
    this.paymentCount = document ? document.paymentCount : 0;
    this.lastPageEntries = document ? document.lastPageEntries : 0;
  }

  private textOf(index: number): string {
    return this.appended.get(index) ?? this.factTexts[index] ?? EMPTY_BUCKET;
  }

  private bucket(index: number): Record<string, PaymentFacts> {
    let bucket = this.parsed.get(index);
    if (!bucket) {
      this.parsed.set(index, (bucket = JSON.parse(this.textOf(index)) as Record<string, PaymentFacts>));
      // From now on the parsed bucket is the one written back.
      if (this.appended.delete(index)) this.changed.add(index);
    }
    return bucket;
  }

  payment(paymentId: string): PaymentFacts | undefined {
    return this.bucket(bucketOf(paymentId, this.factTexts.length))[paymentId];
  }

  /**
   * Whether the journal holds the payment, read from its bucket's text when the bucket is
   * not parsed: a payment id followed by ':' is a key, and a key is either a payment id or
   * a field of the facts (ids named like one are looked up by parsing).
   */
  hasPayment(paymentId: string): boolean {
    const index = bucketOf(paymentId, this.factTexts.length);
    if (this.parsed.has(index) || FACT_FIELDS.has(paymentId)) return this.payment(paymentId) !== undefined;
    return this.textOf(index).includes(`${JSON.stringify(paymentId)}:`);
  }

  /**
   * Adds a payment the journal does not hold (`hasPayment` said so): appended to its
   * bucket's text, without parsing the bucket and writing it all back, which was most of a
   * payment's cost in a replay (the text is what stringifying the parsed bucket with the
   * payment added last would give).
   */
  addPayment(paymentId: string, facts: PaymentFacts): void {
    // Counted first: counting parses every bucket, this one too.
    const before = this.paymentCount ?? this.countPayments();
    const index = bucketOf(paymentId, this.factTexts.length);
    if (this.parsed.has(index)) {
      this.bucket(index)[paymentId] = facts;
      this.changed.add(index);
    } else {
      const text = this.textOf(index);
      const member = `${JSON.stringify(paymentId)}:${JSON.stringify(facts)}`;
      this.appended.set(index, text === EMPTY_BUCKET ? `{${member}}` : `${text.slice(0, -1)},${member}}`);
    }
    this.paymentCount = before + 1;
    if (this.paymentCount > this.factTexts.length * FACTS_PER_BUCKET) this.doubleBuckets();
  }

  setPayment(paymentId: string, facts: PaymentFacts): void {
    const index = bucketOf(paymentId, this.factTexts.length);
    const bucket = this.bucket(index);
    const added = !Object.prototype.hasOwnProperty.call(bucket, paymentId);
    const before = added ? (this.paymentCount ?? this.countPayments()) : undefined;
    bucket[paymentId] = facts;
    this.changed.add(index);
    if (before === undefined) return;
    this.paymentCount = before + 1;
    if (this.paymentCount > this.factTexts.length * FACTS_PER_BUCKET) this.doubleBuckets();
  }

  private countPayments(): number {
    let count = 0;
    for (let index = 0; index < this.factTexts.length; index++) count += Object.keys(this.bucket(index)).length;
    return count;
  }

  /** Twice the buckets, every payment in its bucket of the new number (every bucket is written). */
  private doubleBuckets(): void {
    const count = this.factTexts.length * 2;
    const buckets: Record<string, PaymentFacts>[] = Array.from({ length: count }, () => ({}));
    for (const [paymentId, facts] of this.payments()) buckets[bucketOf(paymentId, count)][paymentId] = facts;
    this.factTexts = new Array<string>(count).fill(EMPTY_BUCKET);
    this.appended.clear();
    this.parsed = new Map(buckets.map((bucket, index) => [index, bucket]));
    for (let index = 0; index < count; index++) this.changed.add(index);
  }

  *payments(): Generator<[string, PaymentFacts]> {
    for (let index = 0; index < this.factTexts.length; index++) yield* Object.entries(this.bucket(index));
  }

  /** The entries whose text holds `fragment` (a cheap test before parsing). */
  *entriesContaining(fragment: string): Generator<TrustLedgerEntry> {
    for (const page of this.pages) if (page.includes(fragment)) for (const line of linesOf(page)) if (line.includes(fragment)) yield JSON.parse(line) as TrustLedgerEntry;
  }

  /** An entry that posts nothing is left out unless `keepWithoutLines` (see the statement's). */
  add(entry: TrustLedgerEntry, keepWithoutLines = false): void {
    if (entry.lines.length === 0 && !keepWithoutLines) return;
    const line = JSON.stringify(entry);
    const last = this.pages.length - 1;
    this.lastPageEntries ??= last < 0 ? 0 : lineCount(this.pages[last]);
    if (last < 0 || this.lastPageEntries >= ENTRY_PAGE) {
      this.pages.push(line);
      this.lastPageEntries = 1;
      return;
    }
    this.pages[last] = `${this.pages[last]}\n${line}`;
    this.lastPageEntries += 1;
  }

  document(): TrustLedgerDocument {
    const paymentFacts = this.factTexts.map((text, index) => (this.changed.has(index) ? JSON.stringify(this.parsed.get(index)) : (this.appended.get(index) ?? text)));
    return {
      clientId: this.clientId,
      paymentFacts,
      entryLines: this.pages,
      ...(this.paymentCount !== undefined ? { paymentCount: this.paymentCount } : {}),
      ...(this.lastPageEntries !== undefined ? { lastPageEntries: this.lastPageEntries } : {}),
    };
  }
}

const EMPTY_BUCKETS: readonly string[] = Array.from({ length: PAYMENT_BUCKETS }, () => EMPTY_BUCKET);

type Posting = [TrustLedgerAccount, number];
const lines = (debits: Posting[], credits: Posting[]): TrustLedgerLine[] => [
  ...debits.filter(([, amount]) => amount !== 0).map(([account, amount]) => (amount > 0 ? { account, debit: amount, credit: 0 } : { account, debit: 0, credit: -amount })),
  ...credits.filter(([, amount]) => amount !== 0).map(([account, amount]) => (amount > 0 ? { account, debit: 0, credit: amount } : { account, debit: -amount, credit: 0 })),
];

const clientOf = (data: Record<string, unknown>) => String(data.clientId);

/**
 * One client's trust journal, re-derived from payments' published messages with payments'
 * posting rules (apps/payments/src/domain/trust-ledger/trust-ledger.ts): one document per
 * client, holding the facts of its payments that later entries need (the share a reversal
 * takes back, whether a statement paid it out) and the entries in arrival order.
 */
export const trustLedgerProjection: Projection<StoredTrustLedgerDocument & { _id?: string }> = {
  name: TRUST_LEDGER,
  handles: [PaymentPosted.type, PaymentReversed.type, CreditRefunded.type, CommissionCorrected.type, CostAdvanceStepRecorded.type, RemittanceIssuedV1.type],
  documentIds: (event) => [clientOf(event.data)],
  evolve(document, event) {
    const journal = new JournalDraft(document ? document.clientId : clientOf(event.data), document);
    const add = (entry: TrustLedgerEntry) => journal.add(entry);
    const unchanged = () => document ?? journal.document();
    switch (event.type) {
      case PaymentPosted.type: {
        const d = event.data as unknown as PaymentPostedV3;
        if (journal.hasPayment(d.paymentId)) return unchanged();
        const direct = d.direct === true;
        journal.addPayment(d.paymentId, { currency: d.currency, accountId: d.accountId, amount: d.amount, credit: d.credit, commission: d.commission, direct, clearsAt: d.clearsAt ?? d.postedAt, reversed: false });
        const source = { accountId: d.accountId, paymentId: d.paymentId };
        if (direct) add({ kind: 'direct-payment-reported', at: d.postedAt, currency: d.currency, source, lines: lines([['client-receivable', d.commission]], [['fee-income', d.commission]]) });
        else
          add({
            kind: 'payment-collected',
            at: d.postedAt,
            currency: d.currency,
            source,
            lines: lines([['trust-cash', d.amount]], [['client-payable', d.amount - d.credit - d.commission], ['fee-income', d.commission], ['credits-owed', d.credit]]),
          });
        return journal.document();
      }
      case PaymentReversed.type: {
        const d = event.data as unknown as PaymentReversedV2;
        const payment = journal.payment(d.paymentId);
        if (!payment || payment.reversed) return unchanged();
        journal.setPayment(d.paymentId, { ...payment, reversed: true });
        const source = { accountId: d.accountId, paymentId: d.paymentId, ...(payment.remittanceId ? { remittanceId: payment.remittanceId } : {}) };
        const { amount, credit, commission, currency } = payment;
        if (payment.direct) return add({ kind: 'direct-payment-reversed', at: d.reversedAt, currency, source, lines: lines([['fee-income', commission]], [['client-receivable', commission]]) }), journal.document();
        // Once paid out, the client's share is no longer in trust: the client owes it back.
        const shareBack: TrustLedgerAccount = payment.remittanceId ? 'client-receivable' : 'client-payable';
        add({
          kind: payment.remittanceId ? 'payment-clawed-back' : 'payment-reversed',
          at: d.reversedAt,
          currency,
          source,
          lines: lines([[shareBack, amount - credit - commission], ['fee-income', commission], ['credits-owed', credit]], [['trust-cash', amount]]),
        });
        return journal.document();
      }
      case CreditRefunded.type: {
        const d = event.data as unknown as CreditRefundedV1;
        add({ kind: 'credit-refunded', at: d.refundedAt, currency: d.currency, source: { accountId: d.accountId, refundId: d.refundId }, lines: lines([['credits-owed', d.amount]], [['trust-cash', d.amount]]) });
        return journal.document();
      }
      case CommissionCorrected.type: {
        const d = event.data as unknown as CommissionCorrectedV1;
        const payment = journal.payment(d.paymentId);
        if (!payment || payment.reversed) return unchanged();
        journal.setPayment(d.paymentId, { ...payment, commission: payment.commission + d.difference });
        // The difference moves between the fee and the client: its payable while the money is in trust, its receivable once paid out or for a direct payment.
        const from: TrustLedgerAccount = payment.direct || payment.remittanceId ? 'client-receivable' : 'client-payable';
        add({ kind: 'commission-corrected', at: d.correctedAt, currency: d.currency, source: { accountId: d.accountId, paymentId: d.paymentId }, lines: lines([[from, d.difference]], [['fee-income', d.difference]]) });
        return journal.document();
      }
      case CostAdvanceStepRecorded.type: {
        const d = event.data as unknown as CostAdvanceStepRecordedV1;
        const source = { accountId: d.accountId, advanceId: d.advanceId };
        // A request and a recovery (costs added to a judgment) move no money through trust.
        if (d.step === 'received') add({ kind: 'cost-advance-received', at: d.at, currency: d.currency, source, lines: lines([['trust-cash', d.amount]], [['client-cost-advances', d.amount]]) });
        if (d.step === 'spent' || d.step === 'refunded')
          add({ kind: d.step === 'spent' ? 'cost-advance-spent' : 'cost-advance-refunded', at: d.at, currency: d.currency, source, lines: lines([['client-cost-advances', d.amount]], [['trust-cash', d.amount]]) });
        return journal.document();
      }
      case RemittanceIssuedV1.type: {
        const d = event.data as unknown as RemittanceIssuedV1;
        for (const entry of journal.entriesContaining(JSON.stringify(d.remittanceId))) if (entry.kind === 'remittance-issued' && entry.source.remittanceId === d.remittanceId) return unchanged();
        // The message carries the statement's totals, not its lines: the payments it paid out are the ones payments' run selects (standing, unremitted agency payments cleared by the period's end).
        const end = Date.parse(d.periodEnd);
        const listed = [...journal.payments()].filter(([, p]) => p.currency === d.currency && !p.direct && !p.reversed && !p.remittanceId && p.amount - p.credit > 0 && Date.parse(p.clearsAt) <= end);
        const listingMatched = listed.length === d.paymentCount && listed.reduce((sum, [, p]) => sum + p.amount - p.credit, 0) === d.agencyCollected;
        for (const [paymentId, payment] of listed) journal.setPayment(paymentId, { ...payment, remittanceId: d.remittanceId });
        const gross = d.remittanceType === 'gross';
        const agencyClientShare = d.agencyCollected - d.agencyCommission;
        // The payable as it stands now: a commission corrected after the run moves the difference to the receivable, as payments' entry does.
        const payableNow = listingMatched ? listed.reduce((sum, [, p]) => sum + p.amount - p.credit - p.commission, 0) : agencyClientShare;
        const commissionDeducted = gross ? 0 : d.agencyCommission;
        const netted = agencyClientShare + (gross ? d.agencyCommission : 0) - d.paidToClient;
        journal.add(
          {
            kind: 'remittance-issued',
            at: d.issuedAt,
            currency: d.currency,
            source: { remittanceId: d.remittanceId },
            lines: lines(
              [['client-payable', payableNow], ['fee-income', commissionDeducted], ['client-receivable', d.agencyCommission - commissionDeducted + agencyClientShare - payableNow]],
              [['trust-cash', d.paidToClient + commissionDeducted], ['client-receivable', netted]],
            ),
            invoiced: d.invoiced,
            listingMatched,
          },
          // A statement listing payments that moved no money (a direct payment whose commission rounds to nothing) still shows its currency, as payments' reconciliation counts it.
          d.paymentCount + d.directPaymentCount + (d.clawbackCount ?? 0) > 0,
        );
        return journal.document();
      }
    }
    return journal.document();
  },
};

export interface TrustLedgerBalances {
  /** Debit balances: trust cash, what the client owes the trust. */
  trustCash: number;
  clientReceivable: number;
  /** Credit balances: the client's money in trust, the agency's fee, credits owed back, cost advances held. */
  clientPayable: number;
  feeIncome: number;
  creditsOwed: number;
  costAdvancesHeld: number;
}

export interface TrustLedgerReportEntry extends TrustLedgerEntry {
  /** Every account's balance after this entry (same sign conventions as `TrustLedgerBalances`). */
  balances: TrustLedgerBalances;
}

export interface TrustLedgerCurrency {
  currency: string;
  entries: TrustLedgerReportEntry[];
  totalDebits: number;
  totalCredits: number;
  balances: TrustLedgerBalances;
}

export interface TrustLedgerReport {
  clientId: string;
  currencies: TrustLedgerCurrency[];
}

const FIELD: Record<TrustLedgerAccount, keyof TrustLedgerBalances> = {
  'trust-cash': 'trustCash',
  'client-payable': 'clientPayable',
  'fee-income': 'feeIncome',
  'credits-owed': 'creditsOwed',
  'client-receivable': 'clientReceivable',
  'client-cost-advances': 'costAdvancesHeld',
};

const zero = (): TrustLedgerBalances => ({ trustCash: 0, clientReceivable: 0, clientPayable: 0, feeIncome: 0, creditsOwed: 0, costAdvancesHeld: 0 });

/** Running balances of a journal, entries by date (arrival order within the same instant), per currency in currency order. */
export function trustLedgerReport(clientId: string, entries: readonly TrustLedgerEntry[]): TrustLedgerReport {
  const ordered = entries.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.index - b.index);
  const byCurrency = new Map<string, TrustLedgerCurrency>();
  for (const { entry } of ordered) {
    const currency = byCurrency.get(entry.currency) ?? { currency: entry.currency, entries: [], totalDebits: 0, totalCredits: 0, balances: zero() };
    byCurrency.set(entry.currency, currency);
    const balances = { ...currency.balances };
    for (const { account, debit, credit } of entry.lines) {
      balances[FIELD[account]] += DEBIT_NORMAL.has(account) ? debit - credit : credit - debit;
      currency.totalDebits += debit;
      currency.totalCredits += credit;
    }
    currency.balances = balances;
    currency.entries.push({ ...entry, balances });
  }
  return { clientId, currencies: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}

/** A client's trust journal with running balances; null when reporting heard of no money of the client's. */
export async function trustLedgerOf(store: ReadModelStore, clientId: string): Promise<TrustLedgerReport | null> {
  const document = await store.findOne<StoredTrustLedgerDocument>(TRUST_LEDGER, { _id: clientId });
  return document ? trustLedgerReport(clientId, trustLedgerEntries(document)) : null;
}
