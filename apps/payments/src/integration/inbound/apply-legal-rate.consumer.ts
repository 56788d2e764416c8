import { LegalStageChanged } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { ApplyLegalRate } from '../../application/apply-legal-rate/apply-legal-rate.command';
import { PostAttorneyCollection } from '../../application/post-attorney-collection/post-attorney-collection.command';

/**
 * Forwarded to an attorney: what is collected from the forwarding's moment on earns the legal rate. Collected by
 * the attorney: posted as a payment of method `attorney`. Other stages change nothing here.
 */
export const followLegalStage = commandOn(LegalStageChanged, (data, context) => {
  if (data.stage === 'forwarded') return new ApplyLegalRate(data.accountId, data.changedAt, context);
  if (data.stage === 'collected' && data.collection) return new PostAttorneyCollection(data.accountId, { ...data.collection, currency: data.currency }, context);
  return undefined;
});
