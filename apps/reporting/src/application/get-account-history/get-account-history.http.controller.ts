import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@lib/platform';
import { GetAccountHistory } from './get-account-history.query';
import { HistoryEntryView } from './history-entry.view';

/**
 * The compliance audit trail of an account: every stored event of every service, in
 * order (time, then client-intake, debtor-contact, payments, legal-referral, then
 * version), with who did it, when, and what caused it. An account nothing is known of
 * has an empty history. Compliance only.
 */
@ApiTags('audit')
@Controller('audit/accounts/:accountId')
export class GetAccountHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get('history')
  @Roles('compliance')
  @ApiParam({ name: 'accountId', format: 'uuid' })
  @ApiProblems('query')
  @ApiOkResponse({ type: [HistoryEntryView], description: 'Every event of the account across all services, in order; [] for an account nothing is known of.' })
  history(@Param('accountId', new ParseUUIDPipe()) accountId: string): Promise<HistoryEntryView[]> {
    return this.queries.execute(new GetAccountHistory(accountId));
  }

  @Get('history.ndjson')
  @Roles('compliance')
  @Header('content-type', 'application/x-ndjson; charset=utf-8')
  @ApiParam({ name: 'accountId', format: 'uuid' })
  @ApiProblems('query')
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'The same history, one JSON object (a HistoryEntryView) per line, for regulators and clients.', schema: { type: 'string' } })
  async historyNdjson(@Param('accountId', new ParseUUIDPipe()) accountId: string): Promise<string> {
    return ndjson(await this.queries.execute(new GetAccountHistory(accountId)));
  }
}

function ndjson(entries: readonly object[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}
