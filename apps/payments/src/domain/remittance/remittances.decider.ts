import { Decider, Decision, reject, Rejection } from '@lib/es-core';
import type { ClientInvoiced, RemittanceIssued, RemittancesEvent, RemittanceTotals, RemittanceType } from '../trust-ledger/remittance';
import type { AlreadyOnAStatement, StatementSelection } from './remittance-statement';

/** A client's statements so far, from its `remittances-<clientId>` stream. */
export interface RemittancesState extends AlreadyOnAStatement {
  statements: number;
  /** The end of the latest period remitted; a new run starts at or after it. */
  lastPeriodEnd?: string;
  remitted: Map<string, string>;
  settled: Set<string>;
  directSettledBy: Map<string, string>;
  settledCommission: Map<string, number>;
}

/** One statement of a run, ready to issue: what it lists, its figures and the hashes of its renderings. */
export interface SealedStatement extends StatementSelection {
  remittanceId: string;
  /** Used when the statement invoices the client. */
  invoiceId: string;
  statementNumber: number;
  totals: RemittanceTotals;
  commissionInvoiced: number;
  shortfall: number;
  csvSha256: string;
  pdfSha256: string;
}

export interface IssueRemittance {
  type: 'IssueRemittance';
  clientId: string;
  periodStart: string;
  periodEnd: string;
  remittanceType: RemittanceType;
  agreementVersion: number | null;
  statements: SealedStatement[];
  now: Date;
}

/**
 * Why a run for this period may not go ahead, if it may not: the period is empty or
 * reversed, it has not ended (payments may still arrive in it), or it reaches back into a
 * period already remitted (a statement once issued never changes).
 */
export function periodRefusal(state: RemittancesState, run: { periodStart: string; periodEnd: string; now: Date }): Rejection<RemittancesEvent> | undefined {
  const start = Date.parse(run.periodStart);
  const end = Date.parse(run.periodEnd);
  if (!(start < end)) return reject<RemittancesEvent>('remittance-period-invalid', `the period must end after it starts (${run.periodStart} .. ${run.periodEnd})`);
  if (end > run.now.getTime()) return reject<RemittancesEvent>('remittance-period-not-ended', `the period ends ${run.periodEnd}, after now (${run.now.toISOString()}): payments may still arrive in it`);
  if (state.lastPeriodEnd !== undefined && start < Date.parse(state.lastPeriodEnd)) {
    return reject<RemittancesEvent>('remittance-period-already-run', `the client's statements already cover up to ${state.lastPeriodEnd}; a new period starts there or later`, { details: { lastPeriodEnd: state.lastPeriodEnd } });
  }
  return undefined;
}

function decide(command: IssueRemittance, state: RemittancesState): Decision<RemittancesEvent> {
  const refusal = periodRefusal(state, command);
  if (refusal) return refusal;
  const listedBefore = command.statements.flatMap((s) => [...s.paymentIds.filter((id) => state.remitted.has(id)), ...s.directPaymentIds.filter((id) => state.settled.has(id)), ...s.clawbacks.map((c) => c.paymentId).filter((id) => state.settled.has(id))]);
  if (listedBefore.length > 0) return reject<RemittancesEvent>('remittance-item-already-listed', `${listedBefore.length} item(s) of this run are on an earlier statement`, { details: { paymentIds: listedBefore.slice(0, 20) } });
  const issuedAt = command.now.toISOString();
  return command.statements.flatMap((s): RemittancesEvent[] => {
    const issued: RemittanceIssued = {
      type: 'RemittanceIssued',
      data: {
        remittanceId: s.remittanceId,
        clientId: command.clientId,
        currency: s.currency,
        paymentIds: s.paymentIds,
        issuedAt,
        remittanceType: command.remittanceType,
        directPaymentIds: s.directPaymentIds,
        clawbacks: s.clawbacks,
        ...(s.commissions.length > 0 ? { commissions: s.commissions } : {}),
        ...(s.commissionCorrections.length > 0 ? { commissionCorrections: s.commissionCorrections } : {}),
        statementNumber: s.statementNumber,
        periodStart: command.periodStart,
        periodEnd: command.periodEnd,
        agreementVersion: command.agreementVersion,
        totals: s.totals,
        csvSha256: s.csvSha256,
        pdfSha256: s.pdfSha256,
      },
    };
    if (s.totals.invoiced === 0) return [issued];
    const invoiced: ClientInvoiced = {
      type: 'ClientInvoiced',
      data: {
        invoiceId: s.invoiceId,
        remittanceId: s.remittanceId,
        clientId: command.clientId,
        currency: s.currency,
        amount: s.totals.invoiced,
        commissionInvoiced: s.commissionInvoiced,
        shortfall: s.shortfall,
        invoicedAt: issuedAt,
      },
    };
    return [issued, invoiced];
  });
}

function evolve(state: RemittancesState, event: RemittancesEvent): RemittancesState {
  if (event.type !== 'RemittanceIssued') return state;
  const { remittanceId, paymentIds, directPaymentIds = [], clawbacks = [], commissions = [], commissionCorrections = [], periodEnd, statementNumber } = event.data;
  // In place: a client's statements may list hundreds of thousands of payments.
  for (const id of paymentIds) if (!state.remitted.has(id)) state.remitted.set(id, remittanceId);
  for (const id of directPaymentIds) {
    state.settled.add(id);
    if (!state.directSettledBy.has(id)) state.directSettledBy.set(id, remittanceId);
  }
  for (const { paymentId, commission } of [...commissions, ...commissionCorrections]) state.settledCommission.set(paymentId, commission);
  for (const { paymentId } of clawbacks) state.settled.add(paymentId);
  const lastPeriodEnd = periodEnd !== undefined && (state.lastPeriodEnd === undefined || periodEnd > state.lastPeriodEnd) ? periodEnd : state.lastPeriodEnd;
  return { ...state, statements: Math.max(state.statements + 1, statementNumber ?? 0), lastPeriodEnd };
}

/** The client's remittance statements: each period remitted once, each payment, direct commission and claw-back on one statement. */
export const remittancesDecider: Decider<RemittancesState, IssueRemittance, RemittancesEvent> = {
  initialState: () => ({ statements: 0, remitted: new Map(), settled: new Set(), directSettledBy: new Map(), settledCommission: new Map() }),
  evolve,
  decide,
};
