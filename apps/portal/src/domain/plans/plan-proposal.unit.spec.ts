import { judgePlanProposal, splitIntoInstallments } from './plan-proposal';

const proposal = { balance: 650_050, installmentCount: 3, frequency: 'monthly' as const, firstDueDate: '2026-01-20', today: '2026-01-05', hasActivePlan: false };

describe('a debtor\'s plan proposal', () => {
  it('splits the balance into installments that pay it to the cent, the last taking the remainder', () => {
    expect(splitIntoInstallments(650_050, 3)).toEqual([216_683, 216_683, 216_684]);
    expect(splitIntoInstallments(650_050, 3).reduce((sum, amount) => sum + amount, 0)).toBe(650_050);
  });

  it('accepts at once inside the self-service limits', () => {
    expect(judgePlanProposal(proposal)).toEqual({ kind: 'accept', installments: [216_683, 216_683, 216_684] });
    expect(judgePlanProposal({ ...proposal, installmentCount: 12, firstDueDate: '2026-02-04' }).kind).toBe('accept');
  });

  it('queues for a collector what passes a limit, with every reason', () => {
    expect(judgePlanProposal({ ...proposal, installmentCount: 13 })).toMatchObject({ kind: 'queue', reasons: ['more-installments-than-self-service-allows'] });
    expect(judgePlanProposal({ ...proposal, firstDueDate: '2026-02-05' })).toMatchObject({ kind: 'queue', reasons: ['first-installment-too-far'] });
    expect(judgePlanProposal({ ...proposal, balance: 6_000, installmentCount: 3 })).toMatchObject({ kind: 'queue', reasons: ['installment-below-minimum'] });
    expect(judgePlanProposal({ ...proposal, hasActivePlan: true, installmentCount: 20 })).toMatchObject({ kind: 'queue', reasons: ['more-installments-than-self-service-allows', 'a-plan-is-already-active'] });
  });

  it('refuses what cannot be a plan', () => {
    expect(judgePlanProposal({ ...proposal, firstDueDate: '2026-01-04' })).toEqual({ kind: 'invalid', reason: 'first-date-past' });
    expect(judgePlanProposal({ ...proposal, installmentCount: 0 })).toEqual({ kind: 'invalid', reason: 'installments-out-of-range' });
    expect(judgePlanProposal({ ...proposal, installmentCount: 37 })).toEqual({ kind: 'invalid', reason: 'installments-out-of-range' });
    expect(judgePlanProposal({ ...proposal, balance: 0 })).toEqual({ kind: 'invalid', reason: 'nothing-owed' });
  });
});
