import { PaymentPosted, PaymentReversed, RemittanceIssuedV1 } from '@lib/contracts';
import { remittanceIssued } from './remittance-history.contract-suite';
import { foldProjection, paymentPosted, paymentReversed, projected } from './reporting.fixtures';
import { asText, PagedTrustLedgerDocument, StoredTrustLedgerDocument, TrustLedgerDocument, trustLedgerEntries, trustLedgerProjection, WholeTrustLedgerDocument } from './trust-ledger.projection';

describe('the trust ledger projection over a client with many payments', () => {
  // The journal is kept as text in buckets and pages (so that an event copies one of each, not
  // the whole journal); its entries still read back in arrival order across pages.
  it('keeps every entry in arrival order across pages and finds each payment again for its reversal and its statement', () => {
    const payments = 700;
    const posted = Array.from({ length: payments }, (_, n) =>
      projected(PaymentPosted, { ...paymentPosted(`a${n}`, 'c1', `p${n}`, 1_000 + n, 0), commission: 100, credit: 0, direct: false, postedAt: '2026-01-05T10:00:00.000Z', clearsAt: '2026-01-08T10:00:00.000Z' }, `ledger-a${n}`, 0),
    );
    const reversals = [3, 299, 650].map((n) => projected(PaymentReversed, { ...paymentReversed(`a${n}`, 'c1', `p${n}`, 1_000 + n, 1_000 + n), reversedAt: '2026-01-06T10:00:00.000Z' }, `ledger-a${n}`, 1));
    const standing = posted.map((_, n) => n).filter((n) => ![3, 299, 650].includes(n));
    const agencyCollected = standing.reduce((sum, n) => sum + 1_000 + n, 0);
    const statement = remittanceIssued('r1', 'c1', 1, {
      periodStart: '2026-01-01T00:00:00.000Z',
      periodEnd: '2026-02-01T00:00:00.000Z',
      issuedAt: '2026-02-01T00:05:00.000Z',
      paymentCount: standing.length,
      directPaymentCount: 0,
      agencyCollected,
      agencyCommission: 100 * standing.length,
      directCollected: 0,
      directCommission: 0,
      paidToClient: agencyCollected - 100 * standing.length,
      invoiced: 0,
    });
    const clawBack = projected(PaymentReversed, { ...paymentReversed('a10', 'c1', 'p10', 1_010, 1_010), reversedAt: '2026-02-10T10:00:00.000Z' }, 'ledger-a10', 1);
    const events = [...posted, ...reversals, projected(RemittanceIssuedV1, statement, 'remittances-c1', 0), clawBack, reversals[0]];

    const document = foldProjection(trustLedgerProjection, events, 'c1')!;
    const entries = trustLedgerEntries(document);

    expect(entries.map((entry) => `${entry.kind} ${entry.source.paymentId ?? entry.source.remittanceId}`)).toEqual([
      ...posted.map((_, n) => `payment-collected p${n}`),
      'payment-reversed p3',
      'payment-reversed p299',
      'payment-reversed p650',
      'remittance-issued r1',
      'payment-clawed-back p10',
    ]);
    expect(entries.find((entry) => entry.kind === 'remittance-issued')!.listingMatched).toBe(true);
    expect(entries.at(-1)!.source).toEqual({ accountId: 'a10', paymentId: 'p10', remittanceId: 'r1' });
  });

  it('doubles its payment buckets as payments grow, finds payments posted before each doubling, and evolves a journal stored with 64 buckets and no count the same', () => {
    const payment = (n: number) =>
      projected(PaymentPosted, { ...paymentPosted(`a${n}`, 'c1', `p${n}`, 1_000 + n, 0), commission: 100, credit: 0, direct: false, postedAt: '2026-01-05T10:00:00.000Z', clearsAt: '2026-01-08T10:00:00.000Z' }, `ledger-a${n}`, 0);
    const reversal = (n: number) => projected(PaymentReversed, { ...paymentReversed(`a${n}`, 'c1', `p${n}`, 1_000 + n, 1_000 + n), reversedAt: '2026-01-06T10:00:00.000Z' }, `ledger-a${n}`, 1);
    const first = Array.from({ length: 1_100 }, (_, n) => payment(n));
    const then = [...Array.from({ length: 1_100 }, (_, n) => payment(1_100 + n)), reversal(7), reversal(1_050), reversal(2_150), payment(7)];
    const evolve = (from: StoredTrustLedgerDocument | null, events: typeof then) => events.reduce<StoredTrustLedgerDocument | null>((document, event) => trustLedgerProjection.evolve(document, event), from) as TrustLedgerDocument;

    const grown = evolve(evolve(null, first), then);
    // 64 buckets hold 1 024 payments (16 each on average): doubled past it, and again past 2 048.
    expect(grown.paymentFacts).toHaveLength(256);
    expect(grown.paymentCount).toBe(2_200);
    const factsOf = (document: TrustLedgerDocument) => Object.assign({}, ...document.paymentFacts.map((text) => JSON.parse(text) as Record<string, unknown>));
    expect(Object.keys(factsOf(grown))).toHaveLength(2_200);
    const kinds = trustLedgerEntries(grown).map((entry) => `${entry.kind} ${entry.source.paymentId}`);
    expect(kinds.slice(2_200)).toEqual(['payment-reversed p7', 'payment-reversed p1050', 'payment-reversed p2150']);
    expect(trustLedgerEntries(grown)[2_200].lines).toEqual(expect.arrayContaining([{ account: 'trust-cash', debit: 0, credit: 1_007 }]));

    // Stored before buckets could double: 64 buckets holding all 1 100 payments, no count.
    const before = evolve(null, first);
    const stored = asText({ clientId: 'c1', payments: factsOf(before), entries: trustLedgerEntries(before) });
    expect(stored.paymentFacts).toHaveLength(64);
    expect(stored.paymentCount).toBeUndefined();
    const fromStored = evolve(stored, then);
    expect(trustLedgerEntries(fromStored)).toEqual(trustLedgerEntries(grown));
    expect(factsOf(fromStored)).toEqual(factsOf(grown));
    expect(fromStored.paymentCount).toBe(2_200);
    // 2 203 entries in pages of 256: 155 on the last, kept so an entry need not count them.
    expect(grown.lastPageEntries).toBe(155);
    expect(fromStored.lastPageEntries).toBe(155);
    expect(grown.entryLines.at(-1)!.split('\n')).toHaveLength(155);
  });

  it('knows a payment again whatever its id, also one named like a field of the facts it keeps', () => {
    const posted = (paymentId: string, version: number) =>
      projected(PaymentPosted, { ...paymentPosted('a1', 'c1', paymentId, 1_000, 0), commission: 100, credit: 0, direct: false, postedAt: '2026-01-05T10:00:00.000Z', clearsAt: '2026-01-08T10:00:00.000Z' }, `ledger-${paymentId}`, version);
    const ids = ['currency', 'amount', 'p"1', 'p\\2', 'remittanceId', 'p3'];
    // Each twice (a redelivery under another stream version): the second is no new payment.
    // After 300 others, so that every bucket's text holds facts (and so their field names).
    const others = Array.from({ length: 300 }, (_, n) => `other-${n}`);
    const events = [...others.map((id) => posted(id, 0)), ...ids.map((id) => posted(id, 0)), ...ids.map((id) => posted(id, 1))];
    const document = foldProjection(trustLedgerProjection, events, 'c1') as TrustLedgerDocument;
    expect(trustLedgerEntries(document).map((entry) => entry.source.paymentId)).toEqual([...others, ...ids]);
    expect(document.paymentCount).toBe(others.length + ids.length);
    expect(Object.keys(Object.assign({}, ...document.paymentFacts.map((text) => JSON.parse(text) as object))).sort()).toEqual([...others, ...ids].sort());
  });

  it('reads and evolves a journal stored whole, or in pages of objects (before it was kept as text), as the same journal', () => {
    const posted = Array.from({ length: 300 }, (_, n) =>
      projected(PaymentPosted, { ...paymentPosted(`a${n}`, 'c1', `p${n}`, 1_000 + n, 0), commission: 100, credit: 0, direct: false, postedAt: '2026-01-05T10:00:00.000Z', clearsAt: '2026-01-08T10:00:00.000Z' }, `ledger-a${n}`, 0),
    );
    const later = [projected(PaymentReversed, { ...paymentReversed('a7', 'c1', 'p7', 1_007, 1_007), reversedAt: '2026-01-06T10:00:00.000Z' }, 'ledger-a7', 1)];
    const asText = foldProjection(trustLedgerProjection, posted, 'c1') as TrustLedgerDocument;
    const paymentBuckets = asText.paymentFacts.map((text) => JSON.parse(text) as WholeTrustLedgerDocument['payments']);
    const entries = trustLedgerEntries(asText);
    const whole: WholeTrustLedgerDocument = { clientId: 'c1', payments: Object.assign({}, ...paymentBuckets), entries };
    const paged: PagedTrustLedgerDocument = { clientId: 'c1', paymentBuckets, entryPages: [{ entries: entries.slice(0, 256) }, { entries: entries.slice(256) }] };

    expect(entries).toHaveLength(300);
    expect(asText.entryLines).toHaveLength(2);
    expect(trustLedgerEntries(whole)).toEqual(entries);
    expect(trustLedgerEntries(paged)).toEqual(entries);
    const evolve = (from: StoredTrustLedgerDocument) => later.reduce<StoredTrustLedgerDocument>((document, event) => trustLedgerProjection.evolve(document, event)!, from);
    const evolvedText = evolve(asText);
    expect(trustLedgerEntries(evolve(whole))).toEqual(trustLedgerEntries(evolvedText));
    expect(trustLedgerEntries(evolve(paged))).toEqual(trustLedgerEntries(evolvedText));
    expect(trustLedgerEntries(evolvedText).at(-1)).toMatchObject({ kind: 'payment-reversed', source: { paymentId: 'p7' } });
    // The document it evolved from is left as it was.
    expect(trustLedgerEntries(asText)).toHaveLength(300);
  });
});
