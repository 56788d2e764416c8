import { AgreementVersionPublished, OnboardingAgreementPublished } from '@lib/contracts';
import type { RecordedEvent } from '@lib/es-core';
import { defaultAgreement } from '../../domain/client/onboard-client.decide';
import { intakeGateway } from './intake.gateway';

const ONBOARDED_AT = '2026-01-05T09:00:00.000Z';
const recorded = (type: string, data: unknown, position: number): RecordedEvent =>
  ({
    type,
    data,
    streamId: 'client-client-1',
    version: position,
    globalPosition: BigInt(position),
    metadata: { eventId: `evt-${position}`, principal: { role: 'admin', id: 'admin-1' }, correlationId: 'c', causationId: 'c', occurredAt: ONBOARDED_AT },
  }) as unknown as RecordedEvent;

describe("intake's published agreements", () => {
  it('announce the default agreement a client is onboarded with as its version 0, once per stored event', () => {
    const onboarded = recorded('ClientOnboarded', { clientId: 'client-1', name: 'Northwind', agreement: defaultAgreement(ONBOARDED_AT) }, 1);
    const [message, ...rest] = intakeGateway(onboarded);
    expect(rest).toEqual([]);
    expect(message.key).toBe('client-1');
    expect(message.headers['message-type']).toBe(OnboardingAgreementPublished.type);
    expect(OnboardingAgreementPublished.parse(message.value)).toEqual({
      clientId: 'client-1',
      version: 0,
      effectiveFrom: ONBOARDED_AT,
      ratePlan: 'default',
      legalRateBp: 4_000,
      remittance: 'net',
      remittancePeriod: 'monthly',
      clearedFundsHoldDays: 10,
      settlementAuthorityBp: 8_000,
    });
    expect(intakeGateway(onboarded)[0].headers['message-id']).toBe(message.headers['message-id']);
  });

  it('leave a negotiated version on AgreementVersionPublished, not on the onboarding message', () => {
    const terms = { currency: 'USD', settlementAuthorityBp: 7_000 };
    const [message] = intakeGateway(recorded('AgreementVersionSet', { clientId: 'client-1', version: 1, effectiveFrom: ONBOARDED_AT, recordedAt: ONBOARDED_AT, terms }, 2));
    expect(message.headers['message-type']).toBe(AgreementVersionPublished.type);
  });
});
