import { AccountClosed, AccountReopened, LegalStageChanged } from '@lib/contracts';
import { LegalPipelineDocument, legalPipelineProjection } from './legal-pipeline.projection';
import { accountClosed, accountReopened, foldProjection, legalStageChanged, projected } from './reporting.fixtures';

const ACCOUNT = 'acc-1';
const CLIENT = 'client-1';
const stage = (name: 'recommended' | 'authorized' | 'forwarded', version: number, attorneyId?: string) =>
  projected(LegalStageChanged, legalStageChanged(ACCOUNT, CLIENT, name, 600_000 - version, attorneyId), `referral-${ACCOUNT}`, version);
const closed = (version: number, code = 'legal-closed') => projected(AccountClosed, accountClosed(ACCOUNT, CLIENT, code), `account-${ACCOUNT}`, version);
const reopened = (version: number) => projected(AccountReopened, accountReopened(ACCOUNT, CLIENT, 250_000), `account-${ACCOUNT}`, version);
const pipelineOf = (...events: ReturnType<typeof projected>[]) => foldProjection(legalPipelineProjection, events, ACCOUNT);

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
      // Both stage changes of the fixture are of the same instant: no time in `recommended`.
      timeInStages: { recommended: 0 },
      open: true,
      closed: false,
      statusVersion: null,
    });
  });

  it('adds up the time an account spends in each stage it leaves, a stage it comes back to included', () => {
    const at = (name: 'forwarded' | 'collected' | 'enforcement', version: number, changedAt: string) =>
      projected(LegalStageChanged, legalStageChanged(ACCOUNT, CLIENT, name, 600_000, 'attorney-9', changedAt), `referral-${ACCOUNT}`, version);
    const document = pipelineOf(
      at('enforcement', 6, '2026-07-01T00:00:00.000Z'),
      at('collected', 7, '2026-07-03T00:00:00.000Z'),
      at('enforcement', 8, '2026-07-04T00:00:00.000Z'),
      at('collected', 9, '2026-07-09T00:00:00.000Z'),
    );
    expect(document).toMatchObject({ stage: 'collected', changedAt: '2026-07-09T00:00:00.000Z', timeInStages: { enforcement: 7 * 86_400_000, collected: 86_400_000 } });
  });

  it('keeps the receiving attorney once the account is forwarded', () => {
    expect(foldProjection(legalPipelineProjection, [stage('forwarded', 2, 'attorney-9'), stage('forwarded', 3)], ACCOUNT)).toMatchObject({ attorneyId: 'attorney-9' });
  });

  it('takes a closed account out of the pipeline, and a late stage change does not put it back', () => {
    expect(foldProjection(legalPipelineProjection, [stage('forwarded', 2), closed(3), stage('forwarded', 4)], ACCOUNT)).toMatchObject({ open: false });
  });

  it('keeps an account closed before any stage change reached it out, when a stage change arrives later', () => {
    expect(foldProjection(legalPipelineProjection, [closed(1)], ACCOUNT)).toEqual({ accountId: ACCOUNT, clientId: CLIENT, stage: null, open: false, closed: true, statusVersion: 1 });
    expect(foldProjection(legalPipelineProjection, [closed(1), stage('recommended', 0), stage('authorized', 1)], ACCOUNT)).toMatchObject({ stage: 'authorized', open: false });
  });

  describe('an account reopened after a bounced payment', () => {
    it('returns at its last stage, with its attorney and the balance of its last stage change, and leaves again when closed again', () => {
      const before = [stage('recommended', 0), stage('authorized', 1), stage('forwarded', 2, 'attorney-9'), closed(3, 'paid-in-full')];
      expect(pipelineOf(...before)).toMatchObject({ open: false });
      expect(pipelineOf(...before, reopened(4))).toEqual({
        accountId: ACCOUNT,
        clientId: CLIENT,
        stage: 'forwarded',
        balance: 599_998,
        currency: 'USD',
        attorneyId: 'attorney-9',
        changedAt: '2026-07-15T09:00:00.000Z',
        timeInStages: { recommended: 0, authorized: 0 },
        open: true,
        closed: false,
        statusVersion: 4,
      });
      expect(pipelineOf(...before, reopened(4), closed(5, 'paid-in-full'))).toMatchObject({ stage: 'forwarded', open: false, closed: true, statusVersion: 5 });
    });

    it('takes a stage change after the reopening as it comes: the account stays in the pipeline', () => {
      expect(pipelineOf(stage('recommended', 0), closed(1, 'paid-in-full'), reopened(2), stage('authorized', 1))).toMatchObject({ stage: 'authorized', open: true });
    });

    it('enters the pipeline with its first stage change when it closed and reopened before any reached reporting', () => {
      expect(pipelineOf(closed(1, 'paid-in-full'), reopened(2))).toEqual({ accountId: ACCOUNT, clientId: CLIENT, stage: null, open: false, closed: false, statusVersion: 2 });
      expect(pipelineOf(closed(1, 'paid-in-full'), reopened(2), stage('recommended', 0))).toMatchObject({ stage: 'recommended', open: true });
    });

    it('stays in the pipeline when the closing the reopening undid arrives after it (a dead-lettered message replayed)', () => {
      expect(pipelineOf(stage('forwarded', 2), reopened(4), closed(3, 'paid-in-full'))).toMatchObject({ open: true, statusVersion: 4 });
      expect(pipelineOf(stage('forwarded', 2), closed(3, 'paid-in-full'), closed(5, 'paid-in-full'), reopened(4))).toMatchObject({ open: false, statusVersion: 5 });
    });

    it('reads documents stored before reopenings were reported: closed ones stay closed until a reopening', () => {
      const storedEntry = { accountId: ACCOUNT, clientId: CLIENT, stage: 'forwarded', balance: 1, currency: 'USD', attorneyId: null, changedAt: '2026-07-15T09:00:00.000Z', open: false };
      const storedMarker = { accountId: ACCOUNT, clientId: CLIENT, stage: null, open: false };
      const evolve = (document: object, event: ReturnType<typeof projected>) => legalPipelineProjection.evolve(document as LegalPipelineDocument, event);
      expect(evolve(storedEntry, stage('forwarded', 6))).toMatchObject({ open: false, closed: true });
      expect(evolve(storedMarker, stage('recommended', 0))).toMatchObject({ stage: 'recommended', open: false, closed: true });
      expect(evolve(storedEntry, reopened(4))).toMatchObject({ stage: 'forwarded', open: true, closed: false, statusVersion: 4 });
    });
  });
});
