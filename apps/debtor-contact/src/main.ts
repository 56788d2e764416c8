import 'reflect-metadata';
import { runProcess } from '@lib/platform';
import { loadDebtorContactConfig } from './debtor-contact.config';
import { DebtorContactService } from './debtor-contact.service';

runProcess(loadDebtorContactConfig(), [DebtorContactService], 'Debtor contact').catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
