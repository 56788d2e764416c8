import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { MONDAY_10_NEW_YORK, outboundCall } from '../contact-case/contact-case.fixtures';
import { attemptAt, consumerOpened, hoursBefore, NY_PERSON } from './compliance.fixtures';

const MA_PERSON = { ...NY_PERSON, region: 'us-ma' };
const twoThisWeek = [attemptAt(hoursBefore(MONDAY_10_NEW_YORK, 30)), attemptAt(hoursBefore(MONDAY_10_NEW_YORK, 60), { channel: 'text' })];

describe('ma-call-frequency v1', () => {
  it('a third call or text in 7 days to a consumer in Massachusetts is refused', () => {
    given(contactCaseDecider, [consumerOpened(MA_PERSON), ...twoThisWeek]).when(outboundCall()).thenRejects('ma-call-frequency');
    given(contactCaseDecider, [consumerOpened(MA_PERSON), ...twoThisWeek]).when(outboundCall({ channel: 'text' })).thenRejects('ma-call-frequency');
  });

  it('does not apply outside Massachusetts: a New York consumer is judged by Regulation F alone', () => {
    const { decision } = given(contactCaseDecider, [consumerOpened(), ...twoThisWeek]).when(outboundCall());
    if (!Array.isArray(decision)) throw new Error(`refused: ${decision.rule}`);
    expect(decision[0].type === 'ContactAttemptRecorded' && decision[0].data.compliance.map((d) => d.rule)).not.toContain('ma-call-frequency');
  });

  it('letters are not concerned', () =>
    expect(Array.isArray(given(contactCaseDecider, [consumerOpened(MA_PERSON), ...twoThisWeek]).when(outboundCall({ channel: 'letter' })).decision)).toBe(true));
});
