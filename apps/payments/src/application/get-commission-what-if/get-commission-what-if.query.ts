import { Query } from '@nestjs/cqrs';
import type { RatePlan } from '../../domain/commission-plan/agreement';
import type { CommissionWhatIfView } from './get-commission-what-if.request.dto';

/** Every commission of the client's payments in [from, to) recomputed under `plan`; writes nothing. */
export class GetCommissionWhatIf extends Query<CommissionWhatIfView> {
  constructor(
    readonly clientId: string,
    readonly from: string,
    readonly to: string,
    readonly plan: RatePlan,
  ) {
    super();
  }
}
