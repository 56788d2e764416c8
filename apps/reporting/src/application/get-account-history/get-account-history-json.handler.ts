import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import type { ReadModelStore } from '@lib/read-models';
import { AUDIT_TRAIL } from '../../read-models/audit-trail.projection';
import type { StoredAuditEntry } from '../../read-models/reporting.queries';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { GetAccountHistoryJson } from './get-account-history-json.query';
import { AuditEntrySource, RememberedHistories } from './remembered-histories';

/**
 * The history endpoint's answer, the same bytes as `JSON.stringify` of `GetAccountHistory`'s:
 * an account asked again is answered from what was read the last time (`RememberedHistories`),
 * after counting its entries in the store, and reading only the entries recorded since
 * when there are more.
 */
@QueryHandler(GetAccountHistoryJson)
export class GetAccountHistoryJsonHandler implements IQueryHandler<GetAccountHistoryJson> {
  private readonly store: ReadModelStore;
  private readonly remembered = new RememberedHistories();

  constructor(@Inject(SERVICE_DEPENDENCIES) deps: ReportingDependencies) {
    this.store = deps.readModels;
  }

  execute({ accountId }: GetAccountHistoryJson): Promise<Buffer> {
    return this.remembered.answer(accountId, auditEntriesOf(this.store, accountId));
  }
}

/** The account's audit entries in the store. Unsorted: the history orders them in the process. */
export function auditEntriesOf(store: ReadModelStore, accountId: string): AuditEntrySource {
  return {
    all: () => store.find<StoredAuditEntry>(AUDIT_TRAIL, { accountId }),
    count: () => store.count(AUDIT_TRAIL, { accountId }),
    recordedSince: (occurredAt) => store.find<StoredAuditEntry>(AUDIT_TRAIL, { accountId, occurredAt: { $gte: occurredAt } }),
  };
}
