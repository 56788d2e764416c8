import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import type { PortalAccessEvent } from '../../domain/access/portal-access.events';
import type { PortalDependencies } from '../../portal.dependencies';

type Proposed = Extract<PortalAccessEvent, { type: 'PortalPlanProposed' }>['data'];

/** A debtor's plan proposal waiting for a collector. */
export type QueuedPlanProposal = Pick<Proposed, 'accountId' | 'proposalId' | 'reasons' | 'currency' | 'frequency' | 'firstDueDate' | 'installments' | 'total' | 'proposedAt'>;

/** Events read per page when catching up with the store. */
const PAGE = 1_000;

/**
 * The proposals queued for a collector and not yet decided, across accounts: a fold of the
 * portal's own event store (which holds only portal streams), kept in this process and
 * caught up from where it stopped on every read, so a read costs the events appended since
 * the last. A process starts from the beginning of the log once. The account's stream
 * stays the authority: deciding a proposal is checked against it, not against this list.
 */
@Injectable()
export class QueuedPlanProposals {
  private readonly queued = new Map<string, QueuedPlanProposal>();
  private position: bigint | undefined;
  private catchingUp: Promise<void> | undefined;

  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PortalDependencies) {}

  /** Oldest first. */
  async list(): Promise<QueuedPlanProposal[]> {
    // One catch-up at a time: concurrent readers wait for the same one.
    this.catchingUp ??= this.catchUp().finally(() => (this.catchingUp = undefined));
    await this.catchingUp;
    return [...this.queued.values()].sort((a, b) => a.proposedAt.localeCompare(b.proposedAt) || a.proposalId.localeCompare(b.proposalId));
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const events = await this.deps.eventStore.readAll({ after: this.position, limit: PAGE });
      for (const event of events as unknown as PortalAccessEvent[]) this.apply(event);
      if (events.length > 0) this.position = events[events.length - 1].globalPosition;
      if (events.length < PAGE) return;
    }
  }

  private apply(event: PortalAccessEvent): void {
    if (event.type === 'PortalPlanProposed' && event.data.outcome === 'queued') {
      const { accountId, proposalId, reasons, currency, frequency, firstDueDate, installments, total, proposedAt } = event.data;
      this.queued.set(proposalId, { accountId, proposalId, reasons, currency, frequency, firstDueDate, installments, total, proposedAt });
    }
    if (event.type === 'PortalPlanProposalDecided') this.queued.delete(event.data.proposalId);
  }
}
