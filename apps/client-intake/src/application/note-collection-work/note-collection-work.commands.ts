import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** Payments posted a payment on the account: intake notes it for the recall rules. */
export class NotePayment extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly payment: { paymentId: string; method: string | null; amount: number; balanceAfter: number; postedAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Debtor contact recorded a contact attempt on the account: work began. */
export class NoteContactAttempt extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly attempt: { attemptId: string; channel: string; occurredAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Debtor contact opened a dispute on the account: the recall rules see it open. */
export class NoteDispute extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly dispute: { disputeId: string; openedAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Debtor contact resolved a dispute on the account, either way: it no longer refuses a recall. */
export class ClearDispute extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly resolution: { disputeId: string; outcome: 'upheld' | 'rejected'; resolvedAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Debtor contact agreed a payment plan on the account: the recall rules see it running. */
export class NotePlan extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly plan: { planId: string; agreedAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Debtor contact's plan on the account ended, paid or defaulted: it no longer refuses a recall. */
export class ClearPlan extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly end: { planId: string; outcome: 'completed' | 'defaulted'; endedAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Several commands one inbound message asks for, run in order (the runtime keeps one
 * handler per message type). Each must be harmless when redelivered: a retry after a later
 * one failed runs the earlier ones again.
 */
export class InboundCommands extends Command<unknown> {
  constructor(readonly commands: readonly object[]) {
    super();
  }
}
