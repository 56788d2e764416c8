import type { ContactStrategy } from './contact-strategy';

/** The case opened: its strategy starts, its day-0 step (the first notice) already sent by the opening. */
export interface StartCadence {
  type: 'StartCadence';
  accountId: string;
  clientId: string;
  strategy: ContactStrategy;
  reason: string;
  /** The case's opening: the days of the strategy count from it. */
  openedAt: string;
  now: Date;
}

/** The scheduler's work for step `index` of resumption `epoch` fired; `messageIds` are the messages the handler queued for it. */
export interface TakeCadenceStep {
  type: 'TakeCadenceStep';
  index: number;
  epoch: number;
  messageIds: string[];
  now: Date;
}

/** A hold was placed on the account (or lifted): the cadence stops (or resumes where it was). */
export interface ApplyCadenceHold {
  type: 'ApplyCadenceHold';
  holdId: string;
  change: 'placed' | 'lifted';
  /** When the hold was placed or lifted (the hold's own time, not when this service heard it). */
  at: string;
  now: Date;
}

/** The account's case closed: the cadence stops, whatever step it was at. */
export interface StopCadence {
  type: 'StopCadence';
  closingCode: string;
  now: Date;
}

export type CadenceCommand = StartCadence | TakeCadenceStep | ApplyCadenceHold | StopCadence;
