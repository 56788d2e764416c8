import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { ReferralView } from '../referral.view';

/** Where an account stands in the legal pipeline. An attorney reads only the cases forwarded to it. */
export class GetReferral extends Query<ReferralView> {
  constructor(
    readonly accountId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
