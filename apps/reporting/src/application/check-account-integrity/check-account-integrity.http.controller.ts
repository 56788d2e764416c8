import { Controller, Get, Headers, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@lib/platform';
import { CheckAccountIntegrity } from './check-account-integrity.query';
import { IntegrityReportView } from './integrity-report.view';

/**
 * Tamper evidence for one account: every service verifies the hash chains of its own
 * streams where they are stored (not reporting's copies), and the answer names the first
 * broken link. Compliance only.
 */
@ApiTags('audit')
@Controller('audit/accounts/:accountId/integrity')
export class CheckAccountIntegrityController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('compliance')
  @ApiParam({ name: 'accountId', format: 'uuid' })
  @ApiProblems('query')
  @ApiOkResponse({ type: IntegrityReportView, description: 'Per service and stream: events checked and the chain verdict; `firstBroken` and `unreachable` when not ok.' })
  check(@Param('accountId', new ParseUUIDPipe()) accountId: string, @Headers('authorization') authorization: string | undefined): Promise<IntegrityReportView> {
    return this.queries.execute(new CheckAccountIntegrity(accountId, { authorization }));
  }
}
