import { Controller, Get, Header, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@lib/platform';
import { HistoryEntry, ReportingQueries } from '../../read-models/reporting.queries';
import { REPORTING_QUERIES } from '../../reporting.dependencies';

/**
 * The compliance audit trail of an account: every stored event of every service, in
 * order (time, then client-intake, debtor-contact, payments, legal-referral, then
 * version), with who did it, when, and what caused it. An account nothing is known of
 * has an empty history: for compliance, "no events" is an answer, not an error.
 * Compliance only.
 */
@ApiTags('audit')
@Controller('audit/accounts/:accountId')
export class GetAccountHistoryController {
  constructor(@Inject(REPORTING_QUERIES) private readonly queries: ReportingQueries) {}

  @Get('history')
  @Roles('compliance')
  @ApiOkResponse({ description: 'Every event of the account across all services, in order.' })
  async history(@Param('accountId', new ParseUUIDPipe()) accountId: string): Promise<HistoryEntry[]> {
    return this.queries.accountHistory(accountId);
  }

  @Get('history.ndjson')
  @Roles('compliance')
  @Header('content-type', 'application/x-ndjson; charset=utf-8')
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'The same history, one JSON object per line, for regulators and clients.' })
  async historyNdjson(@Param('accountId', new ParseUUIDPipe()) accountId: string): Promise<string> {
    const entries = await this.queries.accountHistory(accountId);
    return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
  }
}
