import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { holdsDecider } from '../../domain/holds/holds.decider';
import { isInForce } from '../../domain/holds/holds.state';
import { GetHolds } from './get-holds.query';
import type { CaseHoldsView } from './holds.view';

/** The case's holds and disputes, folded by the decider the contact rules judge with; "in force" is judged at the clock's now. */
@QueryHandler(GetHolds)
export class GetHoldsHandler implements IQueryHandler<GetHolds> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId }: GetHolds): Promise<CaseHoldsView> {
    const { state } = await aggregateStream(this.deps.eventStore, holdsDecider, contactStreamId(accountId));
    if (state.status === 'none') throw new Refused({ rule: 'case-unknown', reason: `no contact case for account ${accountId}` });
    const now = this.deps.clock.now();
    return {
      accountId,
      holds: (state.holds ?? []).map((hold) => ({
        holdId: hold.holdId,
        kind: hold.kind,
        reason: hold.reason,
        inForce: isInForce(hold, now),
        placedAt: hold.placedAt,
        endsAt: hold.endsAt,
        liftedAt: hold.lifted?.liftedAt ?? null,
        liftReason: hold.lifted?.reason ?? null,
        disputeId: hold.disputeId ?? null,
        ...(hold.invoices ? { invoices: hold.invoices } : {}),
        bankruptcy: hold.bankruptcy ? { chapter: hold.bankruptcy.chapter, caseNumber: hold.bankruptcy.caseNumber, filedOn: hold.bankruptcy.filedOn, dischargedOn: hold.bankruptcy.dischargedOn ?? null } : null,
      })),
      disputes: (state.disputes ?? []).map(({ disputeId, holdId, openedBy, invoices, amount, currency, reason, openedAt, written, resolution }) => ({
        disputeId,
        holdId,
        openedBy,
        invoices,
        amount,
        currency,
        reason,
        openedAt,
        written: written === true,
        resolution,
      })),
    };
  }
}
