import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { RecordedEvent } from '@lib/es-core';
import type { EventStore } from '@lib/event-store';
import { invalidRequest, SERVICE_DEPENDENCIES } from '@lib/platform';
import { whatIfCommissions, WhatIfPayment } from '../../domain/commission-plan/recompute';
import type { LedgerEvent } from '../../domain/ledger/ledger.events';
import type { PaymentsDependencies } from '../../payments.dependencies';
import { GetCommissionWhatIf } from './get-commission-what-if.query';
import type { CommissionWhatIfView, WhatIfTotalView } from './get-commission-what-if.request.dto';

/** Events per read of the log when looking for the client's ledgers. */
const PAGE = 5_000;

/**
 * The what-if reads history and writes nothing: the client's ledgers (found by their
 * `LedgerOpened`), each folded with `whatIfCommissions`, the same recomputation the audit
 * uses, so the plan in force gives back the recorded figures exactly.
 */
@QueryHandler(GetCommissionWhatIf)
export class GetCommissionWhatIfHandler implements IQueryHandler<GetCommissionWhatIf> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ clientId, from, to, plan }: GetCommissionWhatIf): Promise<CommissionWhatIfView> {
    const period = { from: new Date(from), to: new Date(to) };
    if (period.from >= period.to) throw invalidRequest([{ field: 'to', reason: 'to must be after from' }]);
    const payments: WhatIfPayment[] = [];
    for (const history of await ledgersOf(this.deps.eventStore, clientId)) payments.push(...whatIfCommissions(history, plan, period));
    payments.sort((a, b) => a.postedAt.localeCompare(b.postedAt) || a.paymentId.localeCompare(b.paymentId));
    return { clientId, from: period.from.toISOString(), to: period.to.toISOString(), planId: plan.planId, payments, totals: totalsOf(payments) };
  }
}

/**
 * The histories of the client's ledgers, from one read of the whole log (as the
 * reconciliation does; see docs/payments.md). A ledger stream opens with `LedgerOpened`,
 * so its client is known before any of its other events in the log.
 */
async function ledgersOf(store: Pick<EventStore, 'readAll'>, clientId: string): Promise<Array<RecordedEvent<LedgerEvent>[]>> {
  const ledgers = new Map<string, RecordedEvent<LedgerEvent>[]>();
  let after: bigint | undefined;
  for (;;) {
    const page: RecordedEvent[] = await store.readAll({ after, limit: PAGE });
    for (const event of page) {
      if (!event.streamId.startsWith('ledger-')) continue;
      if (event.type === 'LedgerOpened' && event.data.clientId === clientId) ledgers.set(event.streamId, []);
      // The ledger decider alone writes a ledger stream: its events are ledger events.
      ledgers.get(event.streamId)?.push(event as RecordedEvent<LedgerEvent>);
    }
    if (page.length < PAGE) return [...ledgers.values()];
    after = page[page.length - 1].globalPosition;
  }
}

function totalsOf(payments: readonly WhatIfPayment[]): WhatIfTotalView[] {
  const totals = new Map<string, WhatIfTotalView>();
  for (const p of payments) {
    if (p.reversed) continue;
    const t = totals.get(p.currency) ?? { currency: p.currency, payments: 0, recorded: 0, whatIf: 0, difference: 0 };
    totals.set(p.currency, { currency: p.currency, payments: t.payments + 1, recorded: t.recorded + p.recorded, whatIf: t.whatIf + p.whatIf, difference: t.difference + p.difference });
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
