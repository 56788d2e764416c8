import { Query } from '@nestjs/cqrs';
import type { CollectorPerformanceView } from './collector-performance.view';

export class GetCollectorPerformance extends Query<CollectorPerformanceView> {
  constructor(
    /** `YYYY-MM-DD`, included; the first day of the current month when absent. */
    readonly from: string | undefined,
    /** `YYYY-MM-DD`, included; today when absent. */
    readonly to: string | undefined,
  ) {
    super();
  }
}
