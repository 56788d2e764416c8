import { Query } from '@nestjs/cqrs';
import type { StatuteOfLimitationsView } from '../statute-of-limitations.view';

/** An account's statute-of-limitations date and why, at the time of the request. */
export class GetStatuteOfLimitations extends Query<StatuteOfLimitationsView> {
  constructor(readonly accountId: string) {
    super();
  }
}
