import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { ClientAgreements } from './client-agreements.view';

/** A client's agreements, as `principal` may see them. */
export class ListAgreements extends Query<ClientAgreements> {
  constructor(
    readonly clientId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
