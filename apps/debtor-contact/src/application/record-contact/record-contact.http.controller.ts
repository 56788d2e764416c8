import { Body, Controller, Headers, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import { handleCommand, OutcomeEvent } from '@lib/es-core';
import { JsonResponse, principalOf, PrincipalRequest, RecordedAnswer, refusalAnswer, replyOnce, Roles } from '@lib/platform';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { ContactCaseEvent } from '../../domain/contact-case/contact-case.events';
import { CONTACT, ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { ContactRecordedAnswer, RecordContactRequest } from './record-contact.request.dto';

/** Refusals about what already happened to the case; every other refusal is 422. */
const CONFLICT = new Set(['case-closed']);

const refusal = (rule: string, message: string): RecordedAnswer => {
  const statusCode = CONFLICT.has(rule) ? 409 : 422;
  return refusalAnswer(statusCode, { rule, reason: message }, { error: statusCode === 409 ? 'Conflict' : 'Unprocessable Entity' });
};

/**
 * A collector records a contact with the debtor, perhaps with a promise to pay. The contact
 * rules are enforced, not just noted: a denied contact is refused with its rule, and the
 * refusal stays on the case's record.
 */
@ApiTags('contact cases')
@Controller('cases/:accountId/contacts')
export class RecordContactController {
  constructor(@Inject(CONTACT) private readonly deps: ContactDependencies) {}

  @Post()
  @Roles('collector', 'supervisor')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer and records nothing again.' })
  @ApiResponse({ status: 201, description: 'Recorded, with the compliance decisions that allowed it.' })
  @ApiResponse({ status: 400, description: 'Every invalid field, with the reason.' })
  @ApiResponse({ status: 404, description: 'No contact case for the account.' })
  @ApiResponse({ status: 409, description: 'The case is closed (rule case-closed); the refusal is recorded.' })
  @ApiResponse({
    status: 422,
    description: 'A compliance rule denied the contact (e.g. call-window; the refusal is recorded), or the promise is invalid (promise-needs-right-party-contact, promise-currency-mismatch, promise-due-date-past).',
  })
  async record(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Body() body: RecordContactRequest,
    @Req() request: PrincipalRequest,
    @Res() response: JsonResponse,
    @Headers('idempotency-key') key?: string,
  ): Promise<void> {
    const principal = principalOf(request);
    await replyOnce(this.deps, request, response, key, async (context) => {
      const outcome = await handleCommand(
        this.deps.eventStore,
        contactCaseDecider,
        contactStreamId(accountId),
        {
          type: 'RecordContactAttempt',
          attemptId: this.deps.newId(),
          promiseId: this.deps.newId(),
          collectorId: principal.id,
          channel: body.channel,
          direction: body.direction,
          outcome: body.outcome,
          notes: body.notes,
          promise: body.promise && { amount: body.promise.amount, currency: body.promise.currency, dueDate: body.promise.dueDate },
          now: context.now,
        },
        context,
      );
      if (outcome.outcome === 'rejected') {
        const { rule, reason } = outcome.rejection;
        // Thrown, not answered: a key must not pin "not found" once the placement arrives.
        if (rule === 'case-unknown') throw new NotFoundException({ statusCode: 404, rule, message: `no contact case for account ${accountId}` });
        return refusal(rule, reason);
      }
      // On a duplicate (the answer was lost after the append) the earlier events answer.
      return answerFrom(accountId, outcome.events);
    });
  }
}

function answerFrom(accountId: string, events: OutcomeEvent<ContactCaseEvent>[]): RecordedAnswer {
  const domain = events as unknown as ContactCaseEvent[];
  const refused = domain.find((e) => e.type === 'ContactAttemptRefused');
  if (refused?.type === 'ContactAttemptRefused') return refusal(refused.data.rule, refused.data.reason);
  const recorded = domain.find((e) => e.type === 'ContactAttemptRecorded');
  if (recorded?.type !== 'ContactAttemptRecorded') return { status: 500, body: { statusCode: 500, message: 'the contact was not recorded' } };
  const promised = domain.find((e) => e.type === 'PromiseToPayMade');
  const answer: ContactRecordedAnswer = {
    accountId,
    attemptId: recorded.data.attemptId,
    ...(promised?.type === 'PromiseToPayMade' ? { promiseId: promised.data.promiseId } : {}),
    rightPartyContact: recorded.data.rightPartyContact,
    compliance: recorded.data.compliance,
  };
  return { status: 201, body: answer };
}
