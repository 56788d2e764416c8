import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { ClearDispute, ClearPlan, InboundCommands, NoteContactAttempt, NoteDispute, NotePayment, NotePlan } from './note-collection-work.commands';

@CommandHandler(NotePayment)
export class NotePaymentHandler implements ICommandHandler<NotePayment> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, payment, context }: NotePayment): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'NotePayment', ...payment }, context);
  }
}

@CommandHandler(NoteContactAttempt)
export class NoteContactAttemptHandler implements ICommandHandler<NoteContactAttempt> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, attempt, context }: NoteContactAttempt): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'NoteContactAttempt', ...attempt }, context);
  }
}

@CommandHandler(NoteDispute)
export class NoteDisputeHandler implements ICommandHandler<NoteDispute> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, dispute, context }: NoteDispute): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'NoteDispute', ...dispute }, context);
  }
}

@CommandHandler(ClearDispute)
export class ClearDisputeHandler implements ICommandHandler<ClearDispute> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, resolution, context }: ClearDispute): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'ClearDispute', ...resolution }, context);
  }
}

@CommandHandler(NotePlan)
export class NotePlanHandler implements ICommandHandler<NotePlan> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, plan, context }: NotePlan): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'NotePlan', ...plan }, context);
  }
}

@CommandHandler(ClearPlan)
export class ClearPlanHandler implements ICommandHandler<ClearPlan> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, end, context }: ClearPlan): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'ClearPlan', ...end }, context);
  }
}

/** Runs the commands in order; the outcome of the last is the message's (what the runtime counts). */
@CommandHandler(InboundCommands)
export class InboundCommandsHandler implements ICommandHandler<InboundCommands> {
  constructor(private readonly commandBus: CommandBus) {}

  async execute({ commands }: InboundCommands): Promise<unknown> {
    let outcome: unknown;
    for (const command of commands) outcome = await this.commandBus.execute(command as never);
    return outcome;
  }
}
