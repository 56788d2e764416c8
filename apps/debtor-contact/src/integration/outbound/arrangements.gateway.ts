import { RecordedEvent } from '@lib/es-core';
import { PaymentPlanAgreed, PaymentPlanCompleted, PaymentPlanDefaulted, PlanInstallmentMissed, PromiseBroken, PromiseKept } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import type { PaymentPlanEvent } from '../../domain/payment-plans/payment-plan.events';
import type { PromiseEvent } from '../../domain/promises/promise.events';

const isArrangementStream = (streamId: string) => streamId.startsWith('promises-') || streamId.startsWith('plans-');

/**
 * Promise and plan outcomes -> the published language (`contact.cases`, keyed by account id),
 * so reporting and legal referral can read them. The payments each stream counted and the
 * tracking of a promise stay inside (payments' own messages and `PromiseToPayMade.v1` say it).
 */
export function arrangementsGateway(stored: RecordedEvent): OutgoingMessage[] {
  if (!isArrangementStream(stored.streamId)) return [];
  const event = stored as RecordedEvent<PromiseEvent | PaymentPlanEvent>;
  switch (event.type) {
    case 'PromiseKept':
      return [integrationMessage(PromiseKept, event.data.accountId, event.data, stored)];
    case 'PromiseBroken':
      return [integrationMessage(PromiseBroken, event.data.accountId, event.data, stored)];
    case 'PaymentPlanAgreed': {
      const { installments, ...agreed } = event.data;
      return [integrationMessage(PaymentPlanAgreed, agreed.accountId, { ...agreed, installments: installments.map(({ number, dueDate, amount }) => ({ number, dueDate, amount })) }, stored)];
    }
    case 'PlanInstallmentMissed':
      return [integrationMessage(PlanInstallmentMissed, event.data.accountId, event.data, stored)];
    case 'PaymentPlanDefaulted':
      return [integrationMessage(PaymentPlanDefaulted, event.data.accountId, event.data, stored)];
    case 'PaymentPlanCompleted':
      return [integrationMessage(PaymentPlanCompleted, event.data.accountId, event.data, stored)];
    default:
      return [];
  }
}
