import { COST_ADVANCE_STEPS, CostAdvanceStepRecorded } from '@lib/contracts';
import type { RecordedEvent } from '@lib/es-core';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import type { CostAdvanceEvent } from '../../domain/cost-advances/cost-advance.events';

/** Cost-advance events -> `CostAdvanceStepRecorded.v1` on `payments.ledger`, keyed by account id like the ledger's messages. */
export function costAdvanceMessages(stored: RecordedEvent<CostAdvanceEvent>): OutgoingMessage[] {
  const { accountId, clientId, advanceId, currency, amount } = stored.data;
  const published = (step: (typeof COST_ADVANCE_STEPS)[number], heldAfter: number | null, at: string) =>
    [integrationMessage(CostAdvanceStepRecorded, accountId, { accountId, clientId, advanceId, step, amount, currency, heldAfter, at }, stored)];
  switch (stored.type) {
    case 'CostAdvanceRequested':
      return published('requested', null, stored.data.requestedAt);
    case 'CostAdvanceReceived':
      return published('received', stored.data.heldAfter, stored.data.receivedAt);
    case 'CostAdvanceSpent':
      return published('spent', stored.data.heldAfter, stored.data.spentAt);
    case 'CostAdvanceRecovered':
      return published('recovered', null, stored.data.recoveredAt);
    case 'CostAdvanceRefunded':
      return published('refunded', stored.data.heldAfter, stored.data.refundedAt);
  }
}
