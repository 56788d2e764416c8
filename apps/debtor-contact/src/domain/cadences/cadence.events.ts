import type { DomainEvent } from '@lib/es-core';
import type { StepAction, StrategyStep } from './contact-strategy';

/** The account's strategy was chosen when its case opened; its days count from `startedAt` (the opening). */
export type CadenceStarted = DomainEvent<
  'CadenceStarted',
  { accountId: string; clientId: string; strategyId: string; strategyName: string; steps: StrategyStep[]; reason: string; startedAt: string }
>;

/** A step was taken: its letters queued (`messageIds`), its call put in the work queue, its legal review flagged. */
export type CadenceStepTaken = DomainEvent<
  'CadenceStepTaken',
  { accountId: string; clientId: string; index: number; day: number; action: StepAction; dueAt: string; takenAt: string; messageIds: string[] }
>;

/** A hold stopped the cadence (or, already stopped, is one more hold to lift before it resumes). */
export type CadencePaused = DomainEvent<'CadencePaused', { accountId: string; clientId: string; holdId: string; placedAt: string; pausedFrom: string }>;

/**
 * A hold was lifted. With no other hold left the cadence resumes where it was: every step
 * not yet taken moves later by the time it was held (`heldMs`), and `nextDueAt` says when
 * the next one now falls due. With holds left, `stillHeldBy` names them and nothing moves.
 */
export type CadenceResumed = DomainEvent<
  'CadenceResumed',
  { accountId: string; clientId: string; holdId: string; liftedAt: string; heldMs: number; stillHeldBy: string[]; nextStep: number | null; nextDueAt: string | null }
>;

/** Every step was taken. */
export type CadenceFinished = DomainEvent<'CadenceFinished', { accountId: string; clientId: string; finishedAt: string }>;

/**
 * The account's case closed (paid, settled, recalled, cancelled, bankrupt, time-barred...):
 * the cadence stops for good, `nextStep` (the step it stopped before) is never taken. A
 * reopened case is worked from the work queue, not by its old cadence.
 */
export type CadenceStopped = DomainEvent<'CadenceStopped', { accountId: string; clientId: string; closingCode: string; stoppedAt: string; nextStep: number | null }>;

export type CadenceEvent = CadenceStarted | CadenceStepTaken | CadencePaused | CadenceResumed | CadenceFinished | CadenceStopped;
