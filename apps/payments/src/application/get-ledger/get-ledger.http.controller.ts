import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { fold } from '@lib/es-core';
import { Roles } from '@lib/platform';
import { oldestFirst } from '../../domain/ledger/allocate';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import type { Allocation, LedgerEvent } from '../../domain/ledger/ledger.events';
import { balanceOf } from '../../domain/ledger/ledger.state';
import { ledgerStreamId, PAYMENTS, PaymentsDependencies } from '../../payments.dependencies';

export interface LedgerView {
  accountId: string;
  clientId: string;
  currency: string;
  balance: number;
  invoices: Array<{ number: string; dueDate: string; amount: number; open: number }>;
  payments: Array<{
    paymentId: string;
    amount: number;
    method: string;
    allocations: Allocation[];
    commission: number;
    rateBp: number;
    credit: number;
    postedAt: string;
    reversed: boolean;
    reversal?: { reason: string; reversedAt: string };
  }>;
  commissionTotal: number;
  creditOwed: number;
  rateBp: number;
}

/**
 * An account's ledger, folded from its stream on each read: one stream per account is
 * small, and the fold is the same code that decides, so the figures cannot disagree.
 */
@ApiTags('ledgers')
@Controller('ledgers')
export class GetLedgerController {
  constructor(@Inject(PAYMENTS) private readonly deps: PaymentsDependencies) {}

  @Get(':accountId')
  @Roles('collector', 'supervisor', 'accountant', 'compliance')
  @ApiOkResponse({ description: 'Balance, invoices with their open amounts, payments, commission and credit owed.' })
  async get(@Param('accountId', new ParseUUIDPipe()) accountId: string): Promise<LedgerView> {
    const events = await this.deps.eventStore.readStream(ledgerStreamId(accountId));
    const state = fold(ledgerDecider, events as unknown as LedgerEvent[]);
    if (state.status !== 'open') throw new NotFoundException({ statusCode: 404, rule: 'ledger-unknown', message: `no ledger for account ${accountId}` });
    return {
      accountId: state.accountId,
      clientId: state.clientId,
      currency: state.currency,
      balance: balanceOf(state),
      // Listed in the order payments reach them, so the open amounts read top-down.
      invoices: [...state.invoices].sort(oldestFirst).map(({ number, dueDate, amount, open }) => ({ number, dueDate, amount, open })),
      payments: state.payments.map(({ reversal, ...payment }) => ({ ...payment, reversed: reversal !== undefined, ...(reversal ? { reversal } : {}) })),
      commissionTotal: state.commissionTotal,
      creditOwed: state.creditOwed,
      rateBp: state.rateBp,
    };
  }
}
