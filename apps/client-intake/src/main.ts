import 'reflect-metadata';
import { runProcess } from '@lib/platform';
import { loadClientIntakeConfig } from './client-intake.config';
import { ClientIntakeService } from './client-intake.service';

runProcess(loadClientIntakeConfig(), [ClientIntakeService], 'Client intake').catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
