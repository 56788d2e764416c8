import { Query } from '@nestjs/cqrs';
import type { HistoryEntryView } from './history-entry.view';

export class GetAccountHistory extends Query<HistoryEntryView[]> {
  constructor(readonly accountId: string) {
    super();
  }
}
