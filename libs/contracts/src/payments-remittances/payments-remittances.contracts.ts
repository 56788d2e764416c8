import { contract, DataOf } from '../contract';
import { s } from '../schema';

/** Published by payments, keyed by client id: one message per remittance statement issued. */
export const PAYMENTS_REMITTANCES = 'payments.remittances';

/**
 * A remittance statement was issued to a client: its period, type, totals and the
 * SHA-256 of its CSV and PDF renderings (fetch them from payments'
 * `GET /remittances/:remittanceId.csv|.pdf` and compare). Amounts in minor units.
 */
export const RemittanceIssuedV1 = contract({
  topic: PAYMENTS_REMITTANCES,
  type: 'RemittanceIssued.v1',
  summary: "A client's remittance statement was issued: period, remittance type, totals (paid to the client, invoiced), line counts and the hashes of its renderings.",
  consumers: ['client-intake', 'reporting'],
  schema: s.object({
    remittanceId: s.string(),
    clientId: s.string(),
    /** Per client, 1, 2, 3, ... in issue order. */
    statementNumber: s.int(),
    currency: s.currency(),
    remittanceType: s.enum(['net', 'gross', 'combined'] as const),
    periodStart: s.instant(),
    periodEnd: s.instant(),
    issuedAt: s.instant(),
    paymentCount: s.int(),
    directPaymentCount: s.int(),
    clawbackCount: s.int(),
    agencyCollected: s.int(),
    agencyCommission: s.int(),
    directCollected: s.int(),
    directCommission: s.int(),
    clawedBack: s.int(),
    paidToClient: s.int(),
    /** What the client is invoiced with this statement (gross or direct commission, a negative net); 0 when nothing. */
    invoiced: s.int(),
    csvSha256: s.string(),
    pdfSha256: s.string(),
  }),
});
export type RemittanceIssuedV1 = DataOf<typeof RemittanceIssuedV1>;
