import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, Channel, Direction, DIRECTIONS, Outcome, OUTCOMES } from '../../domain/contact-case/contact-case.events';
import { PLAN_FREQUENCIES, PlanFrequency } from '../../domain/payment-plans/payment-plan.events';
import type { PlanStatus } from '../../domain/payment-plans/payment-plan.state';
import type { PromiseStatus } from '../../domain/promises/promise.state';

const PROMISE_STATUSES: readonly PromiseStatus[] = ['pending', 'kept', 'broken'];
const PLAN_STATUSES: readonly PlanStatus[] = ['active', 'defaulted', 'completed'];

export class AddressView {
  @ApiProperty({ type: [String] }) lines!: string[];
  @ApiProperty() city!: string;
  @ApiPropertyOptional() region?: string;
  @ApiPropertyOptional() postalCode?: string;
  @ApiProperty({ example: 'US' }) country!: string;
}

export class PhoneView {
  @ApiProperty({ example: '+12125550100' }) number!: string;
  @ApiProperty() consent!: boolean;
  @ApiProperty({ description: 'Never called or texted (rule do-not-contact)' }) doNotContact!: boolean;
}

export class EmailView {
  @ApiProperty({ example: 'ap@acme.example' }) address!: string;
  @ApiProperty() consent!: boolean;
  @ApiProperty({ description: 'Never emailed (rule do-not-contact)' }) doNotContact!: boolean;
}

export class CaseDebtorView {
  @ApiProperty({ example: 'company', description: '`person` gets the personal call window; any other kind business hours' }) kind!: string;
  @ApiProperty() legalName!: string;
  @ApiProperty({ example: 'US' }) country!: string;
  @ApiPropertyOptional({ example: 'NY', description: 'As placed' }) region?: string;
  @ApiPropertyOptional({ example: '12-3456789' }) taxId?: string;
  @ApiPropertyOptional({ type: [AddressView] }) addresses?: AddressView[];
  @ApiPropertyOptional({ type: [PhoneView], description: 'As placed; absent on cases opened before placements carried contacts' }) phones?: PhoneView[];
  @ApiPropertyOptional({ type: [EmailView] }) emails?: EmailView[];
}

export class NoticeView {
  @ApiProperty({ example: 'first-demand' }) noticeType!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
}

export class PromiseView {
  @ApiProperty({ format: 'uuid' }) promiseId!: string;
  @ApiProperty({ format: 'uuid', description: 'The attempt in which the debtor promised' }) attemptId!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ format: 'date', description: "The debtor's calendar" }) dueDate!: string;
  @ApiProperty({ format: 'date-time' }) madeAt!: string;
  @ApiProperty() collectorId!: string;
  @ApiProperty({ enum: PROMISE_STATUSES, description: "pending until paid (kept) or until its due date plus the grace days passed short of it, or the payment that kept it bounced (broken)" })
  status!: PromiseStatus;
}

export class PlanInstallmentView {
  @ApiProperty({ minimum: 1 }) number!: number;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
  @ApiProperty({ description: 'Missed: not covered by its due date plus the grace days' }) missed!: boolean;
}

/** A payment plan of the account, and where it stands. */
export class PlanView {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: PlanStatus;
  @ApiProperty({ enum: PLAN_FREQUENCIES }) frequency!: PlanFrequency;
  @ApiProperty({ description: 'Minor units' }) total!: number;
  @ApiProperty({ description: 'Minor units: what the standing payments posted while it was active brought' }) paid!: number;
  @ApiProperty() missedInstallments!: number;
  @ApiProperty({ type: [PlanInstallmentView] }) installments!: PlanInstallmentView[];
  @ApiProperty({ format: 'date-time' }) agreedAt!: string;
  @ApiProperty() agreedBy!: string;
}

export class LastContactView {
  @ApiProperty({ format: 'uuid' }) attemptId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ enum: DIRECTIONS }) direction!: Direction;
  @ApiProperty({ enum: OUTCOMES }) outcome!: Outcome;
  @ApiProperty() collectorId!: string;
}

/** A contact a compliance rule refused, with the rule and its version. */
export class RefusalView {
  @ApiProperty({ example: 'call-window' }) rule!: string;
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ type: [String], description: "The zones the debtor's local time was judged in, where the rule read it" }) timeZones?: string[];
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Who tried the contact' }) by!: string;
}

/** A contact case as it stands. Amounts are minor units of `currency`. */
export class ContactCaseView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ type: String, nullable: true, description: 'While closed: the closing code' }) closingCode!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'While closed: when' }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Once reopened: the latest reopening (kept if the case closes again)' }) reopenedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "Once reopened: intake's reason for the latest reopening" }) reopenReason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Once reopened: the closing code the latest reopening undid' }) previousClosingCode!: string | null;
  @ApiProperty() commercial!: boolean;
  @ApiProperty({ type: CaseDebtorView }) debtor!: CaseDebtorView;
  @ApiProperty({ type: String, nullable: true, description: 'The zone contact windows and promise dates are judged in; null where the address leaves more than one (or none)' })
  debtorTimeZone!: string | null;
  @ApiProperty({ type: [String], description: 'Every zone the debtor may be in: a call must fall inside its window in each. Empty: no zone known, no call.' }) debtorTimeZones!: string[];
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty() placedAmount!: number;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: [NoticeView] }) notices!: NoticeView[];
  @ApiProperty() attempts!: number;
  @ApiProperty() rightPartyContacts!: number;
  @ApiProperty({ type: [PromiseView] }) promises!: PromiseView[];
  @ApiProperty({ type: [PlanView], description: 'Payment plans, oldest first; at most one active' }) plans!: PlanView[];
  @ApiProperty({ type: LastContactView, nullable: true }) lastContact!: LastContactView | null;
  @ApiProperty({ type: [RefusalView], description: 'Contacts the compliance rules refused' }) refusals!: RefusalView[];
}
