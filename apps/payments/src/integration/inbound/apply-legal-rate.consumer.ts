import { LegalStageChanged } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { ApplyLegalRate } from '../../application/apply-legal-rate/apply-legal-rate.command';
import { EndLegalRate } from '../../application/end-legal-rate/end-legal-rate.command';
import { PostAttorneyCollection } from '../../application/post-attorney-collection/post-attorney-collection.command';
import { RecoverJudgmentCosts } from '../../application/recover-judgment-costs/recover-judgment-costs.command';
import { RequestSuitCosts } from '../../application/request-suit-costs/request-suit-costs.command';

/**
 * Forwarded to an attorney: what is collected from the forwarding's moment on earns the
 * legal rate. Suit filed: the client is asked to advance its costs. Judgment: the court
 * costs it awards recover the advances spent on them. Collected by the attorney: posted as a
 * payment of method `attorney`. Closed by the attorney: the legal rate ends if the client's
 * agreement says so. Other stages change nothing here.
 */
export const followLegalStage = commandOn(LegalStageChanged, (data, context) => {
  const { accountId, currency, changedAt } = data;
  switch (data.stage) {
    case 'forwarded':
      return new ApplyLegalRate(accountId, changedAt, context);
    case 'suit-filed':
      return data.suitCosts ? new RequestSuitCosts(accountId, { ...data.suitCosts, currency, filedAt: changedAt }, context) : undefined;
    case 'judgment': {
      if (!data.judgment || data.judgment.costs === 0) return undefined;
      const { costs, court, caseNumber } = data.judgment;
      const judgmentReference = court && caseNumber ? `${court} ${caseNumber}, judgment of ${changedAt.slice(0, 10)}` : `judgment of ${changedAt}`;
      return new RecoverJudgmentCosts(accountId, { costs, currency, judgmentReference }, context);
    }
    case 'collected':
      return data.collection ? new PostAttorneyCollection(accountId, { ...data.collection, currency }, context) : undefined;
    case 'closed':
      return new EndLegalRate(accountId, changedAt, context);
    default:
      return undefined;
  }
});
