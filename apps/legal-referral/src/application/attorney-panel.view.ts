import { ApiProperty } from '@nestjs/swagger';
import type { PanelTerms } from '../domain/attorney-panel/attorney-panel.events';
import type { PanelAttorney } from '../domain/attorney-panel/attorney-panel.state';
import type { PanelAttorneyRequest } from './add-panel-attorney/add-panel-attorney.request.dto';

/** A receiving attorney on the panel, with its caseload now. */
export class PanelAttorneyView {
  @ApiProperty({ format: 'uuid' }) attorneyId!: string;
  @ApiProperty({ example: 'Hudson & Rowe LLP' }) firm!: string;
  @ApiProperty({ type: [String], example: ['US-NJ', 'US-NY'] }) jurisdictions!: string[];
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ type: 'integer', description: 'Minor units' }) suitFee!: number;
  @ApiProperty({ type: 'integer', description: 'Basis points' }) contingencyBp!: number;
  @ApiProperty({ type: 'integer' }) capacity!: number;
  @ApiProperty({ type: 'integer', description: 'Cases it holds now' }) openCases!: number;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
}

export function panelAttorneyView(attorney: PanelAttorney): PanelAttorneyView {
  const { attorneyId, firm, jurisdictions, currency, suitFee, contingencyBp, capacity, addedAt } = attorney;
  return { attorneyId, firm, jurisdictions, currency, suitFee, contingencyBp, capacity, openCases: attorney.openCases.length, addedAt };
}

export const termsOf = ({ firm, jurisdictions, currency, suitFee, contingencyBp, capacity }: PanelAttorneyRequest): PanelTerms => ({ firm, jurisdictions, currency, suitFee, contingencyBp, capacity });
