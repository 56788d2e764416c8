import { Decision, reject } from '@lib/es-core';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import type { ContactCaseState } from '../contact-case/contact-case.state';
import type { OpenDispute } from './disputes.commands';
import { openDisputes } from './disputes.state';

/**
 * A dispute stops collection on what it contests at once: it comes with a hold of kind
 * dispute over the same part (the whole account, or its invoices), lifted only by the
 * dispute's resolution. Another client's account is answered as unknown.
 */
export function decideOpenDispute(command: OpenDispute, state: ContactCaseState): Decision<ContactCaseEvent> {
  if (state.status === 'none' || (command.clientId !== undefined && command.clientId !== state.clientId)) return reject('case-unknown', 'no contact case for this account');
  if (state.status === 'closed') return reject('case-closed', `the case is closed (${state.closingCode}): there is no debt left to dispute here`);
  const { invoices, now } = command;
  const numbers = invoices.map((invoice) => invoice.invoiceNumber);
  const repeated = numbers.find((number, index) => numbers.indexOf(number) !== index);
  if (repeated) return reject('dispute-invoice-repeated', `invoice ${repeated} is listed twice`);
  const amount = invoices.length === 0 ? state.placedAmount : invoices.reduce((sum, invoice) => sum + invoice.amount, 0);
  if (amount > state.placedAmount) return reject('dispute-exceeds-placed-amount', `the invoices listed dispute ${amount}, more than the ${state.placedAmount} placed (minor units)`);
  const open = openDisputes(state);
  const wholeOpen = open.find((dispute) => dispute.invoices.length === 0);
  if (wholeOpen) return reject('dispute-already-open', `dispute ${wholeOpen.disputeId} already contests the whole account`);
  if (invoices.length === 0 && open.length > 0) return reject('dispute-already-open', `dispute ${open[0].disputeId} is open on part of the account: resolve it first, or dispute the other invoices`);
  const overlap = open.find((dispute) => dispute.invoices.some((invoice) => numbers.includes(invoice.invoiceNumber)));
  if (overlap) return reject('dispute-already-open', `dispute ${overlap.disputeId} already contests invoice(s) ${overlap.invoices.map((i) => i.invoiceNumber).join(', ')}`);

  const { accountId, clientId } = state;
  const at = now.toISOString();
  const scope = invoices.length === 0 ? 'the whole account' : `invoice(s) ${numbers.join(', ')}`;
  return [
    {
      type: 'DisputeOpened',
      data: { accountId, clientId, disputeId: command.disputeId, holdId: command.holdId, openedBy: command.openedBy, invoices, amount, currency: state.currency, reason: command.reason, openedAt: at, ...(command.written ? { written: true } : {}) },
    },
    {
      type: 'AccountHoldPlaced',
      data: {
        accountId,
        clientId,
        holdId: command.holdId,
        kind: 'dispute',
        reason: `disputed by the ${command.openedBy} (${scope}): ${command.reason}`,
        endsAt: null,
        placedAt: at,
        disputeId: command.disputeId,
        ...(invoices.length > 0 ? { invoices: numbers } : {}),
      },
    },
  ];
}
