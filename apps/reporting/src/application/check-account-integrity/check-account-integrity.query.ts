import { Query } from '@nestjs/cqrs';
import type { IntegrityReportView } from './integrity-report.view';

export class CheckAccountIntegrity extends Query<IntegrityReportView> {
  constructor(
    readonly accountId: string,
    /** The caller's own credentials, passed on to services asked over HTTP (compliance-only there too). */
    readonly caller: { authorization?: string },
  ) {
    super();
  }
}
