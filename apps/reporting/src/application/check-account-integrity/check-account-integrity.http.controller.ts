import { Controller, Get, Inject, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@lib/platform';
import { AUDIT_SOURCES } from '../../reporting.dependencies';
import { headerOf, PrincipalRequest } from '../request-context';
import { AuditSource } from './audit-sources';
import { IntegrityReport, integrityReport } from './integrity-report';

/**
 * Tamper evidence for one account: every service verifies the hash chains of its own
 * streams where they are stored (not reporting's copies), and the answer names the first
 * broken link. A service that cannot be asked makes the verdict not ok. An account no
 * service holds answers with every service and no streams: that, too, is a finding.
 * Compliance only.
 */
@ApiTags('audit')
@Controller('audit/accounts/:accountId/integrity')
export class CheckAccountIntegrityController {
  constructor(@Inject(AUDIT_SOURCES) private readonly sources: AuditSource[]) {}

  @Get()
  @Roles('compliance')
  @ApiOkResponse({ description: 'Per service and stream: events checked and the chain verdict; `firstBroken` and `unreachable` when not ok.' })
  async check(@Param('accountId', new ParseUUIDPipe()) accountId: string, @Req() request: PrincipalRequest): Promise<IntegrityReport> {
    const caller = { authorization: headerOf(request, 'authorization') };
    const answers = await Promise.all(this.sources.map((source) => source.read(accountId, caller)));
    return integrityReport(accountId, answers);
  }
}
