import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { aggregateStream, CommandContext, Principal } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler, ScheduledWork } from '@lib/scheduler';
import { versionInForce } from '../../domain/commission-plan/agreement';
import { agreementsDecider } from '../../domain/commission-plan/agreements.decider';
import { periodContaining, REMITTANCE_RUN, remittanceRunWorkId } from '../../domain/remittance/remittance-period';
import { agreementsStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { RunRemittance } from './run-remittance.command';

export const REMITTANCE_SCHEDULER: Principal = { role: 'system', id: 'remittance-scheduler' };

/**
 * Books the client's run for the period containing `at` (the agreement in force then
 * says weekly, semi-monthly or monthly; monthly by default), due at the period's end.
 * One work id per client and period end: booking it again (every ledger the client
 * opens, every run that books its successor) keeps the first.
 */
export async function bookRemittanceRun(scheduler: DurableScheduler, deps: PaymentsDependencies, clientId: string, at: Date, context: Pick<CommandContext, 'causationId' | 'correlationId'>): Promise<void> {
  const { state } = await aggregateStream(deps.eventStore, agreementsDecider, agreementsStreamId(clientId));
  const kind = versionInForce(state.versions, at)?.remittancePeriod ?? 'monthly';
  const period = periodContaining(at, kind);
  const work: ScheduledWork = { workId: remittanceRunWorkId(clientId, period.periodEnd), kind: REMITTANCE_RUN, dueAt: period.periodEnd, payload: { clientId, ...period } };
  await scheduler.schedule(work, context.causationId, context.correlationId);
}

/**
 * Gives payments' scheduler its remittance runs: at each period's end the run issues the
 * client's statements, then books the next period. A refusal (the period was already
 * remitted by hand, or this work ran before a crash) leaves nothing to do but the booking.
 */
@Injectable()
export class RemittanceRunWork implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.on(REMITTANCE_RUN, async (work, firedAt) => {
      const clientId = String(work.payload.clientId);
      const periodEnd = String(work.payload.periodEnd);
      const context: CommandContext = { principal: REMITTANCE_SCHEDULER, correlationId: work.workId, causationId: work.workId, now: firedAt, newId: this.deps.newId };
      try {
        await this.commands.execute(new RunRemittance(clientId, String(work.payload.periodStart), periodEnd, context, true));
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
      }
      await bookRemittanceRun(this.scheduler, this.deps, clientId, new Date(periodEnd), context);
    });
  }
}
