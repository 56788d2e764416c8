/**
 * Reporting's integrity check reads a co-located service's streams itself (the all-in-one)
 * and asks a remote one's audit endpoint (distributed): both must cover the same streams,
 * or a tampered stream passes the check in one deployment and fails it in the other. Here
 * and not in either app: each app's code may not import another's.
 */
import { auditedStreamsOf as clientIntakeStreams } from '../../apps/client-intake/src/client-intake.module';
import { auditedStreamsOf as debtorContactStreams } from '../../apps/debtor-contact/src/debtor-contact.module';
import { auditedStreamsOf as legalReferralStreams } from '../../apps/legal-referral/src/legal-referral.module';
import { auditedStreamsOf as paymentsStreams } from '../../apps/payments/src/payments.module';
import { AUDITED_SERVICES, streamIdsOf } from '../../apps/reporting/src/reporting.dependencies';

const auditEndpoints = {
  'client-intake': clientIntakeStreams,
  'debtor-contact': debtorContactStreams,
  payments: paymentsStreams,
  'legal-referral': legalReferralStreams,
};

describe("the streams reporting's integrity check reads in one process", () => {
  it.each(AUDITED_SERVICES)('are the streams %s lists on its own audit endpoint', (service) => {
    const accountId = '7f3c2a1e-0000-4000-8000-000000000001';
    expect([...streamIdsOf(service, accountId)].sort()).toEqual([...auditEndpoints[service](accountId)].sort());
  });
});
