import { given } from '@lib/es-core/testing/given-when-then';
import { closedPaid, opened } from '../contact-case/contact-case.fixtures';
import { bankruptcyFiled, chapter7, holdPlaced, NOW, placeHold } from './holds.fixtures';
import { holdsDecider } from './holds.decider';

describe('placing a hold', () => {
  it('a client hold with an end date pauses the account until that date', () =>
    given(holdsDecider, [opened()])
      .when(placeHold({ endsAt: new Date('2026-02-01T00:00:00.000Z') }))
      .then([holdPlaced({ endsAt: '2026-02-01T00:00:00.000Z' })]));

  it('a deceased hold without an end date lasts until lifted', () =>
    given(holdsDecider, [opened()])
      .when(placeHold({ kind: 'deceased', reason: 'death certificate received' }))
      .then([holdPlaced({ kind: 'deceased', reason: 'death certificate received' })]));

  it('a bankruptcy hold records the chapter, case number and filing date', () =>
    given(holdsDecider, [opened()])
      .when(placeHold({ holdId: 'hold-bk', kind: 'bankruptcy', reason: 'notice of filing received', bankruptcy: chapter7 }))
      .then([bankruptcyFiled]));

  it('a bankruptcy hold without its filing is refused', () => given(holdsDecider, [opened()]).when(placeHold({ kind: 'bankruptcy' })).thenRejects('hold-bankruptcy-filing'));

  it('a filing on a hold that is not a bankruptcy is refused', () => given(holdsDecider, [opened()]).when(placeHold({ bankruptcy: chapter7 })).thenRejects('hold-bankruptcy-filing'));

  it('a bankruptcy hold cannot have an end date: the stay ends with a discharge or a dismissal', () =>
    given(holdsDecider, [opened()])
      .when(placeHold({ kind: 'bankruptcy', bankruptcy: chapter7, endsAt: new Date('2026-03-01T00:00:00Z') }))
      .thenRejects('hold-bankruptcy-filing'));

  it('a filing dated in the future is refused', () =>
    given(holdsDecider, [opened()])
      .when(placeHold({ kind: 'bankruptcy', bankruptcy: { ...chapter7, filedOn: '2026-01-06' } }))
      .thenRejects('hold-bankruptcy-filing'));

  it('a second bankruptcy while one holds the account is refused', () =>
    given(holdsDecider, [opened(), bankruptcyFiled])
      .when(placeHold({ holdId: 'hold-2', kind: 'bankruptcy', bankruptcy: { ...chapter7, caseNumber: 'other' } }))
      .thenRejects('bankruptcy-already-filed'));

  it('a hold ending now or earlier is refused', () => given(holdsDecider, [opened()]).when(placeHold({ endsAt: NOW })).thenRejects('hold-ends-in-past'));

  it('a closed case takes no hold', () => given(holdsDecider, [opened(), closedPaid]).when(placeHold()).thenRejects('case-closed'));

  it('an unknown case takes no hold', () => given(holdsDecider, []).when(placeHold()).thenRejects('case-unknown'));

  it('a second client hold beside the first is another hold', () =>
    given(holdsDecider, [opened(), holdPlaced()])
      .when(placeHold({ holdId: 'hold-2' }))
      .then([holdPlaced({ holdId: 'hold-2' })]));
});
