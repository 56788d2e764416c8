import 'reflect-metadata';
import { runProcess } from '@lib/platform';
import { loadPaymentsConfig } from './payments.config';
import { PaymentsService } from './payments.service';

runProcess(loadPaymentsConfig(), [PaymentsService], 'Payments').catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
