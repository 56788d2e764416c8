import { given } from '@lib/es-core/testing/given-when-then';
import { AssignAccount, assignmentDecider } from './assignment.decider';

const NOW = new Date('2026-01-12T15:00:00.000Z');

describe('assigning an account', () => {
  const assign = (collectorId: string | null, status: 'none' | 'open' | 'closed' = 'open'): AssignAccount => ({ type: 'AssignAccount', accountId: 'a', collectorId, assignedBy: 'sup-1', contactCase: { status, clientId: 'client-1' }, now: NOW });
  const assigned = (collectorId: string | null, previousCollectorId: string | null) => ({
    type: 'AccountAssigned' as const,
    data: { accountId: 'a', clientId: 'client-1', collectorId, previousCollectorId, assignedBy: 'sup-1', assignedAt: NOW.toISOString() },
  });

  it('gives it to the collector, naming who had it before', () => given(assignmentDecider, [assigned('col-1', null)]).when(assign('col-2')).then([assigned('col-2', 'col-1')]));
  it('records nothing when the collector already has it', () => given(assignmentDecider, [assigned('col-1', null)]).when(assign('col-1')).then([]));
  it('returns it to the pool', () => given(assignmentDecider, [assigned('col-1', null)]).when(assign(null)).then([assigned(null, 'col-1')]));
  it('is refused for an account without a case', () => given(assignmentDecider).when(assign('col-1', 'none')).thenRejects('case-unknown'));
  it('is refused for a closed case', () => given(assignmentDecider).when(assign('col-1', 'closed')).thenRejects('case-closed'));
});
