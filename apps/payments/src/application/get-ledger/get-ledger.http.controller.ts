import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@lib/platform';
import { GetLedger } from './get-ledger.query';
import { LedgerView } from './ledger.view';

@ApiTags('ledgers')
@Controller('ledgers')
export class GetLedgerController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId')
  @Roles('collector', 'supervisor', 'accountant', 'compliance')
  @ApiParam({ name: 'accountId', format: 'uuid' })
  @ApiProblems('query', { 404: 'No ledger for the account (rule ledger-unknown).' })
  @ApiOkResponse({ type: LedgerView, description: 'Balance, invoices with their open amounts, payments, commission and credit owed.' })
  get(@Param('accountId', new ParseUUIDPipe()) accountId: string): Promise<LedgerView> {
    return this.queries.execute(new GetLedger(accountId));
  }
}
