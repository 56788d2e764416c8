import { Query } from '@nestjs/cqrs';
import type { ReferralView } from '../referral.view';

/** Where an account stands in the legal pipeline. */
export class GetReferral extends Query<ReferralView> {
  constructor(readonly accountId: string) {
    super();
  }
}
