import 'reflect-metadata';
import { runProcess } from '@lib/platform';
import { loadPortalConfig } from './portal.config';
import { PortalService } from './portal.service';

runProcess(loadPortalConfig(), [PortalService], 'Debtor portal').catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
