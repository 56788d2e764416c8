import { fold } from '@lib/es-core';
import { given } from '@lib/es-core/testing/given-when-then';
import { parseAgreementTerms } from './agreement-terms';
import type { SetAgreement } from './client.commands';
import { clientDecider } from './client.decider';
import type { ClientEvent } from './client.events';
import { agreementRequest, onboarded } from './client.fixtures';

describe('setting a client agreement version', () => {
  const NOW = new Date('2026-06-01T12:00:00.000Z');
  const terms = parseAgreementTerms(agreementRequest()).terms!;
  const set = (effectiveFrom: string, now = NOW): SetAgreement => ({ type: 'SetAgreement', clientId: 'client-1', terms, effectiveFrom: new Date(effectiveFrom), now });
  const versionSet = (version: number, effectiveFrom: string, recordedAt = NOW.toISOString()): ClientEvent => ({
    type: 'AgreementVersionSet',
    data: { clientId: 'client-1', version, effectiveFrom, recordedAt, terms },
  });

  it('records version 1, effective from the date given', () =>
    given(clientDecider, [onboarded]).when(set('2026-07-01T00:00:00.000Z')).then([versionSet(1, '2026-07-01T00:00:00.000Z')]));

  it('may take effect at once (effective from now)', () => given(clientDecider, [onboarded]).when(set(NOW.toISOString())).then([versionSet(1, NOW.toISOString())]));

  it('numbers a change as the next version, effective after the latest, and keeps the earlier one', () => {
    given(clientDecider, [onboarded, versionSet(1, '2026-07-01T00:00:00.000Z')])
      .when(set('2026-08-01T00:00:00.000Z'))
      .then([versionSet(2, '2026-08-01T00:00:00.000Z')]);
    const state = fold(clientDecider, [onboarded, versionSet(1, '2026-07-01T00:00:00.000Z'), versionSet(2, '2026-08-01T00:00:00.000Z')]);
    expect(state.status === 'onboarded' && state.versions.map((v) => [v.version, v.effectiveFrom])).toEqual([
      [1, '2026-07-01T00:00:00.000Z'],
      [2, '2026-08-01T00:00:00.000Z'],
    ]);
  });

  it('refuses a version effective in the past (rule agreement-effective-in-past)', () =>
    given(clientDecider, [onboarded]).when(set('2026-06-01T11:59:59.999Z')).thenRejects('agreement-effective-in-past'));

  it('refuses a version effective before or together with the latest (rule agreement-effective-before-latest)', () => {
    const history = [onboarded, versionSet(1, '2026-09-01T00:00:00.000Z')];
    given(clientDecider, history).when(set('2026-08-01T00:00:00.000Z')).thenRejects('agreement-effective-before-latest');
    const { decision } = given(clientDecider, history).when(set('2026-09-01T00:00:00.000Z'));
    expect(decision).toMatchObject({ rule: 'agreement-effective-before-latest', details: { latestVersion: 1, latestEffectiveFrom: '2026-09-01T00:00:00.000Z' } });
  });

  it('refuses an agreement for a client that is not onboarded (rule client-unknown)', () => given(clientDecider).when(set('2026-07-01T00:00:00.000Z')).thenRejects('client-unknown'));
});
