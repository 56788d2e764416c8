import { given } from '@lib/es-core/testing/given-when-then';
import { closedPaid, opened } from '../contact-case/contact-case.fixtures';
import { holdLifted, holdPlaced, ids, NOW } from './holds.fixtures';
import { holdsDecider } from './holds.decider';
import { evolveContactCase, initialContactCaseState } from '../contact-case/contact-case.state';

const reportWrongNumber = { type: 'ReportSkip' as const, holdId: 'hold-skip', evidence: 'wrong-number' as const, detail: '+12125550100 reached a florist', now: NOW };
const inSkip = holdPlaced({ holdId: 'hold-skip', kind: 'skip', reason: 'wrong-number: +12125550100 reached a florist', skip: { evidence: 'wrong-number', detail: '+12125550100 reached a florist' } });
const newNumber = { type: 'RecordContactData' as const, source: 'credit bureau', phones: [{ number: '+12125550177', consent: false }], emails: [], addresses: [], now: NOW };
const found = { type: 'ContactDataFound' as const, data: { ...ids, source: 'credit bureau', phones: [{ number: '+12125550177', consent: false }], emails: [], addresses: [], foundAt: NOW.toISOString() } };

describe('skip tracing', () => {
  it('a wrong number puts the account in skip', () => given(holdsDecider, [opened()]).when(reportWrongNumber).then([inSkip]));

  it('returned mail puts the account in skip, naming it', () =>
    given(holdsDecider, [opened()])
      .when({ ...reportWrongNumber, evidence: 'returned-mail', detail: 'first demand returned: moved' })
      .then([holdPlaced({ holdId: 'hold-skip', kind: 'skip', reason: 'returned-mail: first demand returned: moved', skip: { evidence: 'returned-mail', detail: 'first demand returned: moved' } })]));

  it('another report while the account is in skip changes nothing', () => given(holdsDecider, [opened(), inSkip]).when({ ...reportWrongNumber, holdId: 'hold-2' }).then([]));

  it('a closed case is not put in skip', () => given(holdsDecider, [opened(), closedPaid]).when(reportWrongNumber).thenRejects('case-closed'));

  it('new contact data is recorded with its source and lifts the skip', () =>
    given(holdsDecider, [opened(), inSkip])
      .when(newNumber)
      .then([found, holdLifted({ holdId: 'hold-skip', kind: 'skip', reason: 'new contact data from credit bureau' })]));

  it('new contact data outside skip is recorded alone', () => given(holdsDecider, [opened()]).when(newNumber).then([found]));

  it('contact data naming nothing is refused', () => given(holdsDecider, [opened()]).when({ ...newNumber, phones: [] }).thenRejects('contact-data-empty'));

  it("the data found becomes the debtor's, so the next contact is judged on it", () => {
    const state = [opened(), inSkip, found].reduce(evolveContactCase, initialContactCaseState());
    expect(state.status === 'open' && state.debtor.phones).toEqual([{ number: '+12125550177', consent: false, doNotContact: false }]);
  });

  it('a skip lifted by new data no longer counts as in skip', () => given(holdsDecider, [opened(), inSkip, found, holdLifted({ holdId: 'hold-skip', kind: 'skip' })]).when(reportWrongNumber).then([inSkip]));
});
