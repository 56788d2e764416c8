import { RemittanceIssuedV1 } from '@lib/contracts';
import type { ReadModelStore } from '@lib/read-models';
import { projected } from './reporting.fixtures';
import { REMITTANCE_HISTORY, remittanceHistoryOf, remittanceHistoryProjection } from './remittance-history.projection';

/** A statement as payments publishes it: one currency's statement of a run. */
export function remittanceIssued(remittanceId: string, clientId: string, statementNumber: number, overrides: Partial<RemittanceIssuedV1> = {}): RemittanceIssuedV1 {
  return {
    remittanceId,
    clientId,
    statementNumber,
    currency: 'USD',
    remittanceType: 'net',
    periodStart: `2026-0${statementNumber}-01T00:00:00.000Z`,
    periodEnd: `2026-0${statementNumber + 1}-01T00:00:00.000Z`,
    issuedAt: `2026-0${statementNumber + 1}-01T00:05:00.000Z`,
    paymentCount: 3,
    directPaymentCount: 1,
    clawbackCount: 0,
    agencyCollected: 30_000,
    agencyCommission: 7_500,
    directCollected: 8_000,
    directCommission: 2_000,
    clawedBack: 0,
    paidToClient: 20_500,
    invoiced: 0,
    csvSha256: 'a'.repeat(64),
    pdfSha256: 'b'.repeat(64),
    ...overrides,
  };
}

/** The remittance history projection and its query, run against a read-model store adapter. */
export function remittanceHistoryContract(name: string, createStore: () => Promise<ReadModelStore>): void {
  describe(`the remittance history on ${name}`, () => {
    let store: ReadModelStore;
    let run = 0;
    beforeEach(async () => {
      store = await createStore();
      run += 1;
    });
    afterEach(() => store.close());
    const id = (label: string) => `${label}-${run}`;

    it("answers a client's statements oldest first, each as published, and no other client's", async () => {
      const [client, other] = [id('client'), id('other')];
      const first = remittanceIssued(id('r1'), client, 1);
      const third = remittanceIssued(id('r3'), client, 3, { remittanceType: 'combined', invoiced: 2_000, clawbackCount: 1, clawedBack: 7_500 });
      // One run issues one statement per currency, each with its own number.
      const secondInEur = remittanceIssued(id('r2-eur'), client, 2, { currency: 'EUR', periodStart: first.periodStart, periodEnd: first.periodEnd, issuedAt: first.issuedAt });
      await store.apply(remittanceHistoryProjection, [
        projected(RemittanceIssuedV1, third, `remittances-${client}`, 3),
        projected(RemittanceIssuedV1, remittanceIssued(id('o1'), other, 1), `remittances-${other}`, 0),
        projected(RemittanceIssuedV1, secondInEur, `remittances-${client}`, 1),
        projected(RemittanceIssuedV1, first, `remittances-${client}`, 0),
      ]);

      expect(await remittanceHistoryOf(store, client)).toEqual([first, secondInEur, third]);
      expect((await remittanceHistoryOf(store, other)).map((r) => r.remittanceId)).toEqual([id('o1')]);
      expect(await remittanceHistoryOf(store, id('nobody'))).toEqual([]);
    });

    it('keeps a statement as first published when its message is delivered again', async () => {
      const client = id('client');
      const issued = remittanceIssued(id('r1'), client, 1);
      await store.apply(remittanceHistoryProjection, [projected(RemittanceIssuedV1, issued, `remittances-${client}`, 0)]);
      await store.apply(remittanceHistoryProjection, [projected(RemittanceIssuedV1, issued, `remittances-${client}`, 0)]);
      await store.apply(remittanceHistoryProjection, [projected(RemittanceIssuedV1, { ...issued, paidToClient: 1 }, `remittances-${client}`, 5)]);

      expect(await remittanceHistoryOf(store, client)).toEqual([issued]);
      expect(await store.count(REMITTANCE_HISTORY, { clientId: client })).toBe(1);
    });
  });
}
