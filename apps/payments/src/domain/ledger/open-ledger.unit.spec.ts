import { given } from '@lib/es-core/testing/given-when-then';
import { ledgerDecider } from './ledger.decider';
import { opened } from './ledger.fixtures';

describe('opening a ledger', () => {
  const open = { type: 'OpenLedger' as const, ...opened().data };

  it('opens the balance from the placed invoices at the placement rate', () => {
    given(ledgerDecider).when(open).then([opened()]);
  });

  it('changes nothing when the placement is heard again', () => {
    given(ledgerDecider, [opened()]).when(open).then([]);
  });
});
