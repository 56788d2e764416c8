import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { PLAN_FREQUENCIES, PlanFrequency } from '../../domain/plans/plan-proposal';

export class PlanProposalForm {
  @IsString() @Matches(/^\d{1,3}$/, { message: 'installments must be a whole number' }) installments!: string;
  @IsIn(PLAN_FREQUENCIES) frequency!: PlanFrequency;
  @IsString() @MaxLength(10) firstDueDate!: string;
}
