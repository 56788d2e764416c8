import { PaymentPosted, PaymentReversed, RemittanceIssuedV1 } from '@lib/contracts';
import { remittanceIssued } from './remittance-history.contract-suite';
import { foldProjection, paymentPosted, paymentReversed, projected } from './reporting.fixtures';
import { PagedTrustLedgerDocument, StoredTrustLedgerDocument, TrustLedgerDocument, trustLedgerEntries, trustLedgerProjection, WholeTrustLedgerDocument } from './trust-ledger.projection';

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
