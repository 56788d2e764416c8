import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { invalidRequest } from '../validation';
import { AnswerException } from './problem-details';
import { answerFor } from './problem-details.filter';
import { REFUSAL_STATUS, Refused, refusalStatus } from './refusal';

describe('every error as an RFC 9457 problem', () => {
  it('answers a refusal with its rule, its reason and its details, at the status of the one table', () => {
    const refused = new Refused({ rule: 'currency-mismatch', reason: 'the ledger is in USD', details: { expected: 'USD' } });
    expect(answerFor(refused)).toEqual({
      status: 422,
      body: { type: 'urn:collections:problem:currency-mismatch', title: 'Unprocessable Entity', status: 422, detail: 'the ledger is in USD', rule: 'currency-mismatch', expected: 'USD' },
    });
  });

  it('answers "no such thing" rules 404, request rules 400 or 422, a role the rule (not the guard) refuses 403, and every other rule 409', () => {
    expect(refusalStatus('ledger-unknown')).toBe(404);
    expect(refusalStatus('placement-invalid')).toBe(400);
    expect(refusalStatus('unknown-invoice')).toBe(422);
    expect(refusalStatus('account-paid')).toBe(409);
    expect(refusalStatus('a-rule-added-later')).toBe(409);
    expect(refusalStatus('closing-code-role')).toBe(403);
    for (const [rule, status] of Object.entries(REFUSAL_STATUS)) expect({ rule, status: [400, 403, 404, 409, 422].includes(status) }).toEqual({ rule, status: true });
  });

  it('keeps the field problems of an invalid request as an extension', () => {
    const { status, body } = answerFor(invalidRequest([{ field: 'invoices.0.dueDate', reason: 'must be a calendar date' }]));
    expect(status).toBe(400);
    expect(body).toEqual({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'the request has invalid fields', problems: [{ field: 'invoices.0.dueDate', reason: 'must be a calendar date' }] });
  });

  it("answers Nest's own HTTP errors as problems, with a rule when the thrower named one", () => {
    expect(answerFor(new ForbiddenException('role client may not call this endpoint'))).toEqual({
      status: 403,
      body: { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'role client may not call this endpoint' },
    });
    expect(answerFor(new NotFoundException({ rule: 'case-unknown', message: 'no contact case' })).body).toMatchObject({ type: 'urn:collections:problem:case-unknown', status: 404, rule: 'case-unknown', detail: 'no contact case' });
    expect(answerFor(new BadRequestException('Validation failed (uuid is expected)')).body).toMatchObject({ status: 400, detail: 'Validation failed (uuid is expected)' });
  });

  it('replays a stored answer exactly as it was stored', () => {
    const stored = { type: 'urn:collections:problem:account-paid', title: 'Conflict', status: 409, detail: 'paid', rule: 'account-paid' };
    expect(answerFor(new AnswerException(409, stored))).toEqual({ status: 409, body: stored });
  });

  it('answers anything unexpected 500 without a word of its internals', () => {
    const { status, body } = answerFor(new TypeError("Cannot read properties of null (reading 'role') at /srv/secret/path.ts"));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/secret|role|TypeError/);
    expect(body).toMatchObject({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
  });
});
