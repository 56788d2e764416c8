import type { ChainVerdict } from '@lib/es-core';
import type { SourceAnswer } from './audit-sources';
import { integrityReport } from './integrity-report';

const intact = (streamId: string, events: number) => ({ streamId, events, integrity: { ok: true, streamId, checked: events } as ChainVerdict });
const broken = (streamId: string, version: number) => ({
  streamId,
  events: 5,
  integrity: { ok: false, streamId, checked: version, brokenAt: { version, eventId: `${streamId}@${version}`, reason: 'content does not match its hash' } } as ChainVerdict,
});
const reached = (service: string, ...streams: ReturnType<typeof intact>[]): SourceAnswer => ({ service, reached: true, streams });

describe('the integrity verdict of an account', () => {
  it('is ok when every service answered and every chain holds', () => {
    const report = integrityReport('acc-1', [reached('client-intake', intact('account-acc-1', 3)), reached('payments', intact('ledger-acc-1', 2)), reached('legal-referral')]);
    expect(report).toEqual({
      accountId: 'acc-1',
      ok: true,
      services: [
        { service: 'client-intake', streams: [intact('account-acc-1', 3)] },
        { service: 'payments', streams: [intact('ledger-acc-1', 2)] },
        { service: 'legal-referral', streams: [] },
      ],
    });
  });

  it('names the first broken link, in service order', () => {
    const report = integrityReport('acc-1', [reached('client-intake', intact('account-acc-1', 3)), reached('debtor-contact', broken('contact-acc-1', 4)), reached('payments', broken('ledger-acc-1', 1))]);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ service: 'debtor-contact', streamId: 'contact-acc-1', version: 4, eventId: 'contact-acc-1@4', reason: 'content does not match its hash' });
  });

  it('is never ok while a service could not be asked, even if every chain read holds', () => {
    const report = integrityReport('acc-1', [reached('client-intake', intact('account-acc-1', 3)), { service: 'payments', reached: false, reason: 'answered 503' }]);
    expect(report).toMatchObject({ ok: false, unreachable: ['payments'], unreachableReasons: { payments: 'answered 503' } });
    expect(report.firstBroken).toBeUndefined();
  });

  it('is ok for an account no service holds, listing every service with no streams', () => {
    expect(integrityReport('acc-1', [reached('client-intake'), reached('payments')])).toEqual({
      accountId: 'acc-1',
      ok: true,
      services: [
        { service: 'client-intake', streams: [] },
        { service: 'payments', streams: [] },
      ],
    });
  });
});
