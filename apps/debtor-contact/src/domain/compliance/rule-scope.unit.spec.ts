import { opened, NY_COMPANY } from '../contact-case/contact-case.fixtures';
import { contactComplianceRules } from './compliance-rules';
import { consumerOpened, NY_PERSON } from './compliance.fixtures';
import { appliesTo, rulesApplyingTo } from './rule-scope';

const consumer = consumerOpened().data;
const commercial = opened().data;

describe('rule scopes', () => {
  it('a consumer rule applies to consumer accounts only, a commercial rule to commercial ones', () => {
    expect(appliesTo({ accounts: 'consumer' }, consumer)).toBe(true);
    expect(appliesTo({ accounts: 'consumer' }, commercial)).toBe(false);
    expect(appliesTo({ accounts: 'commercial' }, commercial)).toBe(true);
    expect(appliesTo({ accounts: 'commercial' }, consumer)).toBe(false);
  });

  it('a jurisdiction names a state (however the region is written) or a whole country', () => {
    const inMassachusetts = consumerOpened({ ...NY_PERSON, region: ' us-ma ' }).data;
    expect(appliesTo({ accounts: 'all', jurisdictions: ['US-MA'] }, inMassachusetts)).toBe(true);
    expect(appliesTo({ accounts: 'all', jurisdictions: ['US-MA'] }, consumer)).toBe(false);
    expect(appliesTo({ accounts: 'all', jurisdictions: ['US'] }, consumer)).toBe(true);
    expect(appliesTo({ accounts: 'all', jurisdictions: ['GB'] }, opened({ ...NY_COMPANY, country: 'GB', region: undefined }).data)).toBe(true);
  });

  it('a client rule applies to that client\'s accounts only', () => {
    expect(appliesTo({ accounts: 'all', clients: ['client-1'] }, consumer)).toBe(true);
    expect(appliesTo({ accounts: 'all', clients: ['client-2'] }, consumer)).toBe(false);
  });

  it('a rule without a scope applies to every account', () => expect(appliesTo(undefined, commercial)).toBe(true));

  it('the pack selects the Regulation F rules for a New York consumer, not for a New York company, and the Massachusetts rule for neither', () => {
    const names = (account: typeof consumer) => rulesApplyingTo(contactComplianceRules, account).map((rule) => `${rule.name} v${rule.version}`);
    expect(names(consumer)).toEqual([
      'case-closed v1',
      'bankruptcy-stay v1',
      'reg-f-validation-period v1',
      'dispute-hold v1',
      'account-hold v1',
      'cease-contact v1',
      'attorney-represented v1',
      'do-not-contact v1',
      'time-barred-no-suit-threat v1',
      'reg-f-call-after-conversation v1',
      'reg-f-call-frequency v1',
      'channel-frequency-cap v1',
      'call-window v2',
    ]);
    expect(names(commercial)).toEqual(['case-closed v1', 'bankruptcy-stay v1', 'dispute-hold v1', 'account-hold v1', 'cease-contact v1', 'do-not-contact v1', 'time-barred-no-suit-threat v1', 'channel-frequency-cap v1', 'call-window v2']);
  });

  it('every rule of the pack says what it checks', () => expect(contactComplianceRules.filter((rule) => !rule.checks).map((rule) => rule.name)).toEqual([]));
});
