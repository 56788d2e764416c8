import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { RemittanceView } from './remittance.view';

/** An issued statement, rebuilt from history; a client reads only its own. */
export class GetRemittance extends Query<RemittanceView> {
  constructor(
    readonly remittanceId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}

/** An issued statement rendered again from history: byte for byte what was issued (its hash is on the issuing event). */
export class RenderRemittance extends Query<string | Buffer> {
  constructor(
    readonly remittanceId: string,
    readonly format: 'csv' | 'pdf',
    readonly principal: Principal,
  ) {
    super();
  }
}
