import { handleCommand } from '@lib/es-core';
import { LegalStageChanged } from '@lib/contracts';
import { on } from '@lib/integration';
import { LEGAL_RATE_BP, ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';

/** Forwarded to an attorney: what is collected from now on earns the legal rate. Other stages change no rate. */
export const applyLegalRate = (deps: PaymentsDependencies) =>
  on(LegalStageChanged, async (data, context) => {
    if (data.stage !== 'forwarded') return;
    await handleCommand(
      deps.eventStore,
      ledgerDecider,
      ledgerStreamId(data.accountId),
      { type: 'ApplyLegalRate', accountId: data.accountId, rateBp: LEGAL_RATE_BP, now: context.now },
      context,
    );
  });
