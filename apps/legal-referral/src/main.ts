import 'reflect-metadata';
import { runProcess } from '@lib/platform';
import { loadLegalReferralConfig } from './legal-referral.config';
import { LegalReferralService } from './legal-referral.service';

runProcess(loadLegalReferralConfig(), [LegalReferralService], 'Legal referral').catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
