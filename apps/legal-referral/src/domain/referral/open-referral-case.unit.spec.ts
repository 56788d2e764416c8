import { given } from '@lib/es-core/testing/given-when-then';
import { referralDecider } from './referral.decider';
import { openCommand, opened } from './referral.fixtures';

describe('opening a referral case', () => {
  it('opens the case of a placed account at its placed amount, from its oldest due date, with its review due 45 days later', () => {
    given(referralDecider).when(openCommand()).then([opened()]);
  });

  it('keeps the debtor region empty when the placement named none', () => {
    given(referralDecider).when(openCommand({ debtorRegion: null })).then([opened({ debtorRegion: null })]);
  });

  it('keeps the claim type the placement set, and takes an open account when it set none', () => {
    given(referralDecider).when(openCommand({ claimType: 'promissory-note' })).then([opened({ claimType: 'promissory-note' })]);
    given(referralDecider).when(openCommand({ claimType: undefined })).then([opened({ claimType: 'open-account' })]);
  });

  it('treats a second opening of the same account as the same fact: nothing new', () => {
    given(referralDecider, [opened()]).when(openCommand()).then([]);
  });

  it('refuses a placement without invoices', () => {
    given(referralDecider).when(openCommand({ invoiceDueDates: [] })).thenRejects('placement-without-invoices');
  });
});
