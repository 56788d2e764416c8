import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { ClientIdentity } from './client-identity.view';

/** Which client the calling API key belongs to. */
export class WhoAmI extends Query<ClientIdentity> {
  constructor(readonly principal: Principal) {
    super();
  }
}
