import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { TimelineEntryView } from '../get-account-history/history-entry.view';

export class GetAccountTimeline extends Query<TimelineEntryView[]> {
  constructor(
    readonly accountId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
