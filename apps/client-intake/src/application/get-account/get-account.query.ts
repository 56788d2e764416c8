import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { AccountView } from './account.view';

/** One account, as `principal` may see it. */
export class GetAccount extends Query<AccountView> {
  constructor(
    readonly accountId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
