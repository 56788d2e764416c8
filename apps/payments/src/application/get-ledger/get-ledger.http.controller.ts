import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint, UuidParam } from '@lib/platform';
import { GetLedger } from './get-ledger.query';
import { LedgerView } from './ledger.view';

/** An account's trust ledger, for staff: what each invoice still owes, the payments taken, the agency's commission. */
@Controller('ledgers')
export class GetLedgerController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId')
  @QueryEndpoint({ roles: ['collector', 'supervisor', 'accountant', 'compliance'], tag: 'ledgers', uuidParams: ['accountId'], answer: LedgerView, description: 'Balance, invoices with their open amounts, payments, commission and credit owed.', problems: { 404: 'No ledger for the account (rule ledger-unknown).' } })
  get(@UuidParam('accountId') accountId: string): Promise<LedgerView> {
    return this.queries.execute(new GetLedger(accountId));
  }
}
