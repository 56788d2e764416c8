import { Decision, reject, Rejection } from '@lib/es-core';
import { ComplianceRule, reviewContact } from '../compliance/compliance-rule';
import { debtorTimeZones, debtorToday } from '../debtor-time/debtor-time';
import { RecordContactAttempt } from './contact-case.commands';
import { ContactAttemptRecorded, ContactCaseEvent, PromiseToPayMade } from './contact-case.events';
import { ContactCase, ContactCaseState } from './contact-case.state';

/**
 * A contact attempt is first put to the compliance rules: a denied one is refused and the
 * refusal recorded (the audit trail shows what was tried and which rule stopped it). An
 * allowed one carries every allow decision. A promise is checked after compliance: it is a
 * detail of a contact that may take place.
 */
export function decideRecordContactAttempt(
  command: RecordContactAttempt,
  state: ContactCaseState,
  rules: readonly ComplianceRule[],
): Decision<ContactCaseEvent> {
  if (state.status === 'none') return reject('case-unknown', 'no contact case for this account');

  const review = reviewContact(rules, { channel: command.channel, direction: command.direction, to: command.to, now: command.now }, state);
  if (!review.allowed) {
    const { rule, reason } = review.denial;
    return reject(rule, reason, {
      recordedEvents: [{ type: 'ContactAttemptRefused', data: { accountId: state.accountId, clientId: state.clientId, ...review.denial, channel: command.channel } }],
    });
  }

  const promiseProblem = command.promise && promiseRefusal(command, state);
  if (promiseProblem) return promiseProblem;

  const { accountId, clientId } = state;
  const recorded: ContactAttemptRecorded = {
    type: 'ContactAttemptRecorded',
    data: {
      accountId,
      clientId,
      attemptId: command.attemptId,
      collectorId: command.collectorId,
      channel: command.channel,
      direction: command.direction,
      outcome: command.outcome,
      ...(command.to !== undefined ? { to: command.to } : {}),
      ...(command.notes !== undefined ? { notes: command.notes } : {}),
      rightPartyContact: command.outcome === 'right-party-contact',
      attemptedAt: command.now.toISOString(),
      compliance: review.decisions,
    },
  };
  if (!command.promise) return [recorded];
  const promised: PromiseToPayMade = {
    type: 'PromiseToPayMade',
    data: {
      accountId,
      clientId,
      promiseId: command.promiseId,
      attemptId: command.attemptId,
      collectorId: command.collectorId,
      amount: command.promise.amount,
      currency: command.promise.currency,
      dueDate: command.promise.dueDate,
    },
  };
  return [recorded, promised];
}

function promiseRefusal(command: RecordContactAttempt, contactCase: ContactCase): Rejection<ContactCaseEvent> | undefined {
  const promise = command.promise!;
  if (command.outcome !== 'right-party-contact') {
    return reject('promise-needs-right-party-contact', 'only the debtor can promise to pay: a promise needs a right-party contact');
  }
  if (!Number.isSafeInteger(promise.amount) || promise.amount < 1) {
    return reject('promise-amount-positive', 'a promise is a whole, positive number of minor units');
  }
  if (promise.currency !== contactCase.currency) {
    return reject('promise-currency-mismatch', `the account is in ${contactCase.currency}, the promise in ${promise.currency}`);
  }
  // Lenient where the zone is uncertain: a promise for a day that may still be today where the debtor is stands.
  const today = debtorToday(debtorTimeZones(contactCase.debtor.country, contactCase.debtor.region), command.now);
  if (promise.dueDate < today) {
    return reject('promise-due-date-past', `the promise falls due ${promise.dueDate}, before today (${today}) in the debtor's time`);
  }
  return undefined;
}
