import { Controller, Get, Headers } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint, UuidParam } from '@lib/platform';
import { CheckAccountIntegrity } from './check-account-integrity.query';
import { IntegrityReportView } from './integrity-report.view';

/**
 * Tamper evidence for one account: every service verifies the hash chains of its own
 * streams where they are stored (not reporting's copies), and the answer names the first
 * broken link. Compliance only.
 */
@Controller('audit/accounts/:accountId/integrity')
export class CheckAccountIntegrityController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['compliance'], tag: 'audit', uuidParams: ['accountId'], answer: IntegrityReportView, description: 'Per service and stream: events checked and the chain verdict; `firstBroken` and `unreachable` when not ok.' })
  check(@UuidParam('accountId') accountId: string, @Headers('authorization') authorization: string | undefined): Promise<IntegrityReportView> {
    return this.queries.execute(new CheckAccountIntegrity(accountId, { authorization }));
  }
}
