import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint, UuidParam } from '@lib/platform';
import { GetAccountHistoryJson } from './get-account-history-json.query';
import { GetAccountHistory } from './get-account-history.query';
import { HistoryEntryView } from './history-entry.view';

/**
 * The compliance audit trail of an account: every stored event of every service, in
 * order (time, then client-intake, debtor-contact, payments, legal-referral, then
 * version), with who did it, when, and what caused it. An account nothing is known of
 * has an empty history. Compliance only.
 */
@Controller('audit/accounts/:accountId')
export class GetAccountHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get('history')
  @QueryEndpoint({ roles: ['compliance'], tag: 'audit', uuidParams: ['accountId'], answer: [HistoryEntryView], description: 'Every event of the account across all services, in order; [] for an account nothing is known of.' })
  async history(@UuidParam('accountId') accountId: string): Promise<StreamableFile> {
    return jsonAnswer(await this.queries.execute(new GetAccountHistoryJson(accountId)));
  }

  @Get('history.ndjson')
  @Header('content-type', 'application/x-ndjson; charset=utf-8')
  @QueryEndpoint({ roles: ['compliance'], tag: 'audit', uuidParams: ['accountId'], produces: 'application/x-ndjson', answer: String, description: 'The same history, one JSON object (a HistoryEntryView) per line, for regulators and clients.' })
  async historyNdjson(@UuidParam('accountId') accountId: string): Promise<string> {
    return ndjson(await this.queries.execute(new GetAccountHistory(accountId)));
  }
}

/** JSON made already, sent as it is (the media type `res.json` would give it): not parsed and serialised again. */
function jsonAnswer(json: Buffer): StreamableFile {
  return new StreamableFile(json, { type: 'application/json; charset=utf-8' });
}

function ndjson(entries: readonly object[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}
