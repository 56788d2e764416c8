import { LegalStageChanged } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { ApplyLegalRate } from '../../application/apply-legal-rate/apply-legal-rate.command';

/** Forwarded to an attorney: what is collected from the forwarding's moment on earns the legal rate. Other stages change no rate. */
export const applyLegalRate = commandOn(LegalStageChanged, (data, context) => (data.stage === 'forwarded' ? new ApplyLegalRate(data.accountId, data.changedAt, context) : undefined));
