import { Query } from '@nestjs/cqrs';

/** The account's history as its endpoint answers it: `HistoryEntryView[]` serialised as JSON (UTF-8). */
export class GetAccountHistoryJson extends Query<Buffer> {
  constructor(readonly accountId: string) {
    super();
  }
}
