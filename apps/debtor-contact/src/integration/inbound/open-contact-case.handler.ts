import { handleCommand } from '@lib/es-core';
import { AccountPlaced } from '@lib/contracts';
import { on } from '@lib/integration';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';

/** Intake placed an account: its contact case opens and the first demand goes out. */
export const openContactCase = (deps: ContactDependencies) =>
  on(AccountPlaced, async (data, context) => {
    const { accountId, clientId, commercial, debtor, currency, placedAmount } = data;
    await handleCommand(
      deps.eventStore,
      contactCaseDecider,
      contactStreamId(accountId),
      {
        type: 'OpenContactCase',
        accountId,
        clientId,
        commercial,
        debtor: { kind: debtor.kind, legalName: debtor.legalName, country: debtor.country, ...(debtor.region ? { region: debtor.region } : {}) },
        currency,
        placedAmount,
        now: context.now,
      },
      context,
    );
  });
