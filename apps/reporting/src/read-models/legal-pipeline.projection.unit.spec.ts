import { AccountClosed, LegalStageChanged } from '@lib/contracts';
import { legalPipelineProjection } from './legal-pipeline.projection';
import { accountClosed, foldProjection, legalStageChanged, projected } from './reporting.fixtures';

const ACCOUNT = 'acc-1';
const CLIENT = 'client-1';
const stage = (name: 'recommended' | 'authorized' | 'forwarded', version: number, attorneyId?: string) =>
  projected(LegalStageChanged, legalStageChanged(ACCOUNT, CLIENT, name, 600_000 - version, attorneyId), `referral-${ACCOUNT}`, version);
const closed = (version: number) => projected(AccountClosed, accountClosed(ACCOUNT, CLIENT, 'legal-closed'), `account-${ACCOUNT}`, version);

describe('the legal pipeline read model', () => {
  it('moves an account through the stages with the balance of its last stage change', () => {
    expect(foldProjection(legalPipelineProjection, [stage('recommended', 0), stage('authorized', 1)], ACCOUNT)).toEqual({
      accountId: ACCOUNT,
      clientId: CLIENT,
      stage: 'authorized',
      balance: 599_999,
      currency: 'USD',
      attorneyId: null,
      changedAt: '2026-07-15T09:00:00.000Z',
      open: true,
    });
  });

  it('keeps the receiving attorney once the account is forwarded', () => {
    expect(foldProjection(legalPipelineProjection, [stage('forwarded', 2, 'attorney-9'), stage('forwarded', 3)], ACCOUNT)).toMatchObject({ attorneyId: 'attorney-9' });
  });

  it('takes a closed account out of the pipeline, and a late stage change does not put it back', () => {
    expect(foldProjection(legalPipelineProjection, [stage('forwarded', 2), closed(3), stage('forwarded', 4)], ACCOUNT)).toMatchObject({ open: false });
  });

  it('keeps an account closed before any stage change reached it out, when a stage change arrives later', () => {
    expect(foldProjection(legalPipelineProjection, [closed(1)], ACCOUNT)).toEqual({ accountId: ACCOUNT, clientId: CLIENT, stage: null, open: false });
    expect(foldProjection(legalPipelineProjection, [closed(1), stage('recommended', 0), stage('authorized', 1)], ACCOUNT)).toMatchObject({ stage: 'authorized', open: false });
  });
});
