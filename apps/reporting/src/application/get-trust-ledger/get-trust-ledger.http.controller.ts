import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { GetTrustLedger } from './get-trust-ledger.query';
import { trustLedgerCsv } from './trust-ledger.render';
import { TrustLedgerView } from './trust-ledger.view';

const READERS = ['client', 'accountant', 'compliance', 'admin'] as const;
const UNKNOWN_CLIENT = { 404: "Nothing reported of the client, or another client's (rule client-unknown). A client asking for itself before any money moved gets no currencies." };

/** A client's trust ledger: every journal entry with its postings and running balances, as JSON or CSV. */
@Controller('reports/clients')
export class GetTrustLedgerController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':clientId/trust-ledger')
  @QueryEndpoint({ roles: [...READERS], tag: 'reports', uuidParams: ['clientId'], answer: TrustLedgerView, description: "The client's trust journal per currency, by date: each entry's debit and credit postings, every account's balance after it, and the totals; minor units.", problems: UNKNOWN_CLIENT })
  get(@UuidParam('clientId') clientId: string, @CurrentPrincipal() principal: Principal): Promise<TrustLedgerView> {
    return this.queries.execute(new GetTrustLedger(clientId, principal));
  }

  @Get(':clientId/trust-ledger.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @QueryEndpoint({ roles: [...READERS], tag: 'reports', uuidParams: ['clientId'], produces: 'text/csv', answer: String, description: 'The same journal as CSV, one row per posting with the balances after its entry; amounts in minor units.', problems: UNKNOWN_CLIENT })
  async csv(@UuidParam('clientId') clientId: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    return trustLedgerCsv(await this.queries.execute(new GetTrustLedger(clientId, principal)));
  }
}
