import { ApiProperty } from '@nestjs/swagger';
import type { ComplianceRule } from '../../domain/compliance/compliance-rule';

export class RuleScopeView {
  @ApiProperty({ enum: ['all', 'consumer', 'commercial'], description: '`consumer`: accounts that are not commercial' }) accounts!: 'all' | 'consumer' | 'commercial';
  @ApiProperty({ type: [String], nullable: true, description: 'ISO 3166-2 regions (`US-MA`) or countries (`US`); null: every jurisdiction', example: ['US-MA'] }) jurisdictions!: string[] | null;
  @ApiProperty({ type: [String], nullable: true, description: 'Client ids; null: every client' }) clients!: string[] | null;
}

export class ContactRuleView {
  @ApiProperty({ example: 'reg-f-call-frequency' }) name!: string;
  @ApiProperty({ minimum: 1, example: 1 }) version!: number;
  @ApiProperty({ type: RuleScopeView }) scope!: RuleScopeView;
  @ApiProperty({ type: String, nullable: true, description: 'What the rule checks, in a sentence' }) checks!: string | null;
}

/** A rule of the pack as staff read it; a rule without a scope applies to every account. */
export function contactRuleView(rule: ComplianceRule): ContactRuleView {
  const scope = rule.scope ?? { accounts: 'all' as const };
  return {
    name: rule.name,
    version: rule.version,
    scope: { accounts: scope.accounts, jurisdictions: scope.jurisdictions ? [...scope.jurisdictions] : null, clients: scope.clients ? [...scope.clients] : null },
    checks: rule.checks ?? null,
  };
}
