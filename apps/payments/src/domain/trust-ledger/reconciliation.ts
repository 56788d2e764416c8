import { heldInTrust, JournalEntry, TrustLedgerState, TrustMovements } from './trust-ledger';

export interface ClientAmount {
  clientId: string;
  amount: number;
}

/** The trust ledger of one currency, balanced: assets (cash, receivables) against what is owed (payables, fee, credits). */
export interface CurrencyReconciliation {
  currency: string;
  /** Debit balance of the trust account. */
  trustCash: number;
  /** Credit balance, per client and in total: the clients' money in trust. */
  clientPayables: ClientAmount[];
  payablesTotal: number;
  /** Credit balance: commission earned and not yet taken out of trust (negative: a claw-back the agency owes back). */
  feeIncome: number;
  /** Credit balance: over-payments owed back to payers. */
  creditsOwed: number;
  /** Debit balance, per client and in total: what clients owe the trust (direct-payment commission, claw-backs). */
  clientReceivables: ClientAmount[];
  receivablesTotal: number;
  /** Credit balance, per client and in total: each client's money held for the costs of its suits. */
  costAdvancesHeld: ClientAmount[];
  costAdvancesHeldTotal: number;
  /** Money collected and not yet remitted, counted from the payments, reversals, refunds and remittances themselves. */
  collectedNotRemitted: number;
  /** Every entry's debits equal its credits. */
  entriesBalanced: boolean;
  /** Trust cash plus receivables equals payables plus fee income plus credits owed plus cost advances held. */
  ledgerBalanced: boolean;
  /** Trust cash equals money collected and not yet remitted, to the cent, and the ledger balances. */
  invariantHolds: boolean;
}

const balanced = (entry: JournalEntry) => entry.lines.reduce((sum, line) => sum + line.debit - line.credit, 0) === 0;

/** Balances of every account per currency, and whether the invariant holds in each. */
export function reconcile(ledger: TrustLedgerState): CurrencyReconciliation[] {
  const currencies = new Set([...ledger.movements.keys(), ...ledger.entries.map((e) => e.currency)]);
  return [...currencies].sort().map((currency) => reconcileCurrency(currency, ledger.entries.filter((e) => e.currency === currency), ledger.movements.get(currency)));
}

function reconcileCurrency(currency: string, entries: JournalEntry[], movements: TrustMovements | undefined): CurrencyReconciliation {
  let trustCash = 0;
  let feeIncome = 0;
  let creditsOwed = 0;
  const payables = new Map<string, number>();
  const receivables = new Map<string, number>();
  const advances = new Map<string, number>();
  for (const { lines } of entries) {
    for (const { account, debit, credit } of lines) {
      switch (account.kind) {
        case 'trust-cash':
          trustCash += debit - credit;
          break;
        case 'fee-income':
          feeIncome += credit - debit;
          break;
        case 'credits-owed':
          creditsOwed += credit - debit;
          break;
        case 'client-payable':
          payables.set(account.clientId!, (payables.get(account.clientId!) ?? 0) + credit - debit);
          break;
        case 'client-receivable':
          receivables.set(account.clientId!, (receivables.get(account.clientId!) ?? 0) + debit - credit);
          break;
        case 'client-cost-advances':
          advances.set(account.clientId!, (advances.get(account.clientId!) ?? 0) + credit - debit);
          break;
      }
    }
  }
  const byClient = (amounts: Map<string, number>) => [...amounts].sort(([a], [b]) => a.localeCompare(b)).map(([clientId, amount]) => ({ clientId, amount }));
  const total = (amounts: Map<string, number>) => [...amounts.values()].reduce((sum, amount) => sum + amount, 0);
  const payablesTotal = total(payables);
  const receivablesTotal = total(receivables);
  const costAdvancesHeldTotal = total(advances);
  const collectedNotRemitted = movements ? heldInTrust(movements) : 0;
  const entriesBalanced = entries.every(balanced);
  const ledgerBalanced = trustCash + receivablesTotal === payablesTotal + feeIncome + creditsOwed + costAdvancesHeldTotal;
  return {
    currency,
    trustCash,
    clientPayables: byClient(payables),
    payablesTotal,
    feeIncome,
    creditsOwed,
    clientReceivables: byClient(receivables),
    receivablesTotal,
    costAdvancesHeld: byClient(advances),
    costAdvancesHeldTotal,
    collectedNotRemitted,
    entriesBalanced,
    ledgerBalanced,
    invariantHolds: entriesBalanced && ledgerBalanced && trustCash === collectedNotRemitted,
  };
}
