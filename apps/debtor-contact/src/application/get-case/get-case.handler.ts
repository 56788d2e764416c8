import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream, RecordedEvent } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId, plansStreamId, promisesStreamId } from '../../debtor-contact.dependencies';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { ContactCaseEvent } from '../../domain/contact-case/contact-case.events';
import { debtorTimeZones } from '../../domain/debtor-time/debtor-time';
import { paymentPlanDecider } from '../../domain/payment-plans/payment-plan.decider';
import { promiseDecider } from '../../domain/promises/promise.decider';
import { arrangementsOf } from './arrangements.view';
import { GetCase } from './get-case.query';
import type { ContactCaseView, PromiseView } from './contact-case.view';

type CaseHistory = Pick<ContactCaseView, 'notices' | 'attempts' | 'rightPartyContacts' | 'lastContact' | 'refusals'> & { promises: Array<Omit<PromiseView, 'status'>> };

/**
 * A case, folded from its stream on each read by the decider that judges it, so what a
 * collector is shown and what the rules decide on cannot disagree. Its history (attempts,
 * promises, refusals) is read from the same events, with when and by whom they were stored.
 */
@QueryHandler(GetCase)
export class GetCaseHandler implements IQueryHandler<GetCase> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId }: GetCase): Promise<ContactCaseView> {
    const { state, events } = await aggregateStream(this.deps.eventStore, contactCaseDecider, contactStreamId(accountId));
    if (state.status === 'none') throw new Refused({ rule: 'case-unknown', reason: `no contact case for account ${accountId}` });
    const promises = await aggregateStream(this.deps.eventStore, promiseDecider, promisesStreamId(accountId));
    const plans = await aggregateStream(this.deps.eventStore, paymentPlanDecider, plansStreamId(accountId));
    const zones = debtorTimeZones(state.debtor.country, state.debtor.region);
    const history = historyOf(events);
    const closed = state.status === 'closed' ? state : undefined;
    return {
      accountId: state.accountId,
      clientId: state.clientId,
      status: state.status,
      closingCode: closed?.closingCode ?? null,
      closedAt: closed?.closedAt ?? null,
      reopenedAt: state.lastReopening?.reopenedAt ?? null,
      reopenReason: state.lastReopening?.reason ?? null,
      previousClosingCode: state.lastReopening?.previousClosingCode ?? null,
      commercial: state.commercial,
      debtor: state.debtor,
      debtorTimeZone: zones.length === 1 ? zones[0] : null,
      debtorTimeZones: [...zones],
      currency: state.currency,
      placedAmount: state.placedAmount,
      openedAt: state.openedAt,
      ...history,
      ...arrangementsOf(history.promises, promises.state, plans.state),
    };
  }
}

/** What was sent, tried, promised and refused, in order; times and authors from each event's metadata. */
function historyOf(events: readonly RecordedEvent<ContactCaseEvent>[]): CaseHistory {
  const history: CaseHistory = { notices: [], attempts: 0, rightPartyContacts: 0, promises: [], lastContact: null, refusals: [] };
  for (const event of events) {
    const at = event.metadata.occurredAt;
    switch (event.type) {
      case 'NoticeSent': {
        const { noticeType, channel, sentAt } = event.data;
        history.notices.push({ noticeType, channel, sentAt });
        break;
      }
      case 'ContactAttemptRecorded': {
        const { attemptId, channel, direction, outcome, collectorId, rightPartyContact } = event.data;
        history.attempts += 1;
        history.rightPartyContacts += rightPartyContact ? 1 : 0;
        history.lastContact = { attemptId, at, channel, direction, outcome, collectorId };
        break;
      }
      case 'PromiseToPayMade': {
        const { promiseId, attemptId, amount, currency, dueDate, collectorId } = event.data;
        history.promises.push({ promiseId, attemptId, amount, currency, dueDate, madeAt: at, collectorId });
        break;
      }
      case 'ContactAttemptRefused': {
        const { rule, version, channel, reason, timeZones } = event.data;
        history.refusals.push({ rule, version, channel, reason, ...(timeZones ? { timeZones } : {}), at, by: event.metadata.principal.id });
        break;
      }
    }
  }
  return history;
}
