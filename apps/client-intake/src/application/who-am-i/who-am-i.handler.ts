import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ClientIdentity } from './client-identity.view';
import { WhoAmI } from './who-am-i.query';

/** The auth guard resolved the key to its client already (one read of the client's stream); nothing more to read. */
@QueryHandler(WhoAmI)
export class WhoAmIHandler implements IQueryHandler<WhoAmI> {
  async execute({ principal }: WhoAmI): Promise<ClientIdentity> {
    return { clientId: principal.id };
  }
}
