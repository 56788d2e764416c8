import type { CaseAddress } from '../contact-case/contact-case.events';
import type { BankruptcyFiling, FoundPhone, PlaceableHoldKind, SkipEvidence } from './hold.events';

/** Staff pause collection: a client hold, a bankruptcy (with its filing) or a deceased debtor. */
export interface PlaceHold {
  type: 'PlaceHold';
  holdId: string;
  kind: PlaceableHoldKind;
  reason: string;
  /** When the hold ends on its own; absent: until lifted. */
  endsAt?: Date;
  bankruptcy?: BankruptcyFiling;
  now: Date;
}

/** Staff lift a hold (a client hold released, a bankruptcy dismissed, a deceased report found wrong). */
export interface LiftHold {
  type: 'LiftHold';
  holdId: string;
  reason: string;
  now: Date;
}

/** The court discharged the debtor of the standing bankruptcy. */
export interface DischargeBankruptcy {
  type: 'DischargeBankruptcy';
  /** YYYY-MM-DD. */
  dischargedOn: string;
  now: Date;
}

/** A wrong number or returned mail: the debtor cannot be reached where the case says. */
export interface ReportSkip {
  type: 'ReportSkip';
  holdId: string;
  evidence: SkipEvidence;
  detail: string;
  now: Date;
}

/** New ways to reach the debtor, with where they came from. */
export interface RecordContactData {
  type: 'RecordContactData';
  source: string;
  phones: FoundPhone[];
  emails: string[];
  addresses: CaseAddress[];
  now: Date;
}

/** The scheduler reached a hold's end date: its lifting is recorded. */
export interface EndHold {
  type: 'EndHold';
  holdId: string;
  now: Date;
}

export type HoldCommand = PlaceHold | LiftHold | DischargeBankruptcy | ReportSkip | RecordContactData | EndHold;
