import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler, ScheduledWork, WorkHandler } from '@lib/scheduler';
import type { IntakeDependencies } from '../../client-intake.dependencies';
import { DeliverWebhook } from '../deliver-webhook/deliver-webhook.command';

export const WEBHOOK_DELIVERY = 'webhook-delivery';
export const WEBHOOK_SENDER_PRINCIPAL: Principal = { role: 'system', id: 'webhook-sender' };

/** Which attempt a booking is for: `enablements` tells apart the bookings made again after an endpoint was enabled. */
export interface AttemptBooking {
  clientId: string;
  deliveryId: string;
  round: number;
  attempt: number;
  enablements: number;
  dueAt: Date;
}

export const attemptWorkId = ({ deliveryId, round, attempt, enablements }: Omit<AttemptBooking, 'dueAt' | 'clientId'>) =>
  `webhook-${deliveryId}-r${round}-a${attempt}-e${enablements}`;

/** Books one attempt on the durable scheduler; booking the same attempt twice keeps the first. */
export function bookAttempt(scheduler: DurableScheduler, booking: AttemptBooking, causationId: string, correlationId: string): Promise<void> {
  const { clientId, deliveryId, round, attempt, enablements, dueAt } = booking;
  return scheduler.schedule(
    { workId: attemptWorkId(booking), kind: WEBHOOK_DELIVERY, dueAt: dueAt.toISOString(), payload: { clientId, deliveryId, round, attempt, enablements } },
    causationId,
    correlationId,
  );
}

/**
 * A due attempt becomes the DeliverWebhook command. The work id is its causation: a
 * crash after the attempt was recorded but before the scheduler marked the work fired
 * runs it again, and the delivery then finds that attempt on the record.
 */
export const scheduledDelivery =
  (commands: CommandBus, deps: Pick<IntakeDependencies, 'newId'>): WorkHandler =>
  async (work: ScheduledWork, firedAt: Date) => {
    const { clientId, deliveryId, round, attempt } = work.payload as { clientId: string; deliveryId: string; round: number; attempt: number };
    const context = { principal: WEBHOOK_SENDER_PRINCIPAL, correlationId: work.workId, causationId: work.workId, now: firedAt, newId: deps.newId, dedupeByCausation: true };
    await commands.execute(new DeliverWebhook(clientId, deliveryId, round, attempt, context));
  };

/** Gives client-intake's scheduler its webhook work once the command bus exists (before the runtime starts the scheduler). */
@Injectable()
export class WebhookDeliveryWork implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.on(WEBHOOK_DELIVERY, scheduledDelivery(this.commands, this.deps));
  }
}
