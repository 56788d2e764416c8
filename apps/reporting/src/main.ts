import 'reflect-metadata';
import { runProcess } from '@lib/platform';
import { loadReportingConfig } from './reporting.config';
import { ReportingService } from './reporting.service';

runProcess(loadReportingConfig(), [ReportingService], 'Reporting and compliance audit').catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
