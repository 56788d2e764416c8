import { aggregateStream, StreamReader } from '@lib/es-core';
import { contactStreamId, settlementsStreamId } from '../debtor-contact.dependencies';
import { contactCaseDecider } from '../domain/contact-case/contact-case.decider';
import { settlementDecider } from '../domain/settlements/settlement.decider';
import type { CaseForWriteOff } from '../domain/write-offs/write-off.decider';

/** The contact case as a write-off needs it, with the balance placed (the balance before payments reported any). */
export async function caseForWriteOff(store: StreamReader, accountId: string): Promise<CaseForWriteOff & { placedAmount: number }> {
  const { state } = await aggregateStream(store, contactCaseDecider, contactStreamId(accountId));
  return state.status === 'none' ? { status: 'none', clientId: '', currency: '', placedAmount: 0 } : { status: state.status, clientId: state.clientId, currency: state.currency, placedAmount: state.placedAmount };
}

/** The balance payments last reported, read from the account's settlements stream (where debtor contact hears it), else the placed amount. */
export async function knownBalance(store: StreamReader, accountId: string, placedAmount: number): Promise<number> {
  const { state } = await aggregateStream(store, settlementDecider, settlementsStreamId(accountId));
  return state.balance ?? placedAmount;
}
