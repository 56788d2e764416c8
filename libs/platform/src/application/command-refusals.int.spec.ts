import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@lib/es-core';
import { createPgliteEventStore, PgliteEventStore } from '@lib/event-store';
import { Refused } from '../http/refusal';
import { commandRefusalGateway, complianceStreamId, recordingRefusals, RefusalTarget } from './command-refusals';

describe('recording refused commands on the compliance stream (PGlite event store)', () => {
  let store: PgliteEventStore;
  beforeAll(async () => {
    store = await createPgliteEventStore();
  });
  afterAll(() => store.close());

  const now = new Date('2026-01-05T15:00:00.000Z');
  const contextFor = (causationId: string): CommandContext => ({ principal: { role: 'collector', id: 'collector-7' }, correlationId: 'corr-1', causationId, now, newId: randomUUID });
  const refuse = (rule: string) => async (): Promise<never> => {
    throw new Refused({ rule, reason: `${rule} says no` });
  };
  const target = (accountId: string, extra: Partial<RefusalTarget> = {}): RefusalTarget => ({ service: 'payments', accountId, command: 'PostPayment', ...extra });

  it('a refused command is refused as before, and its refusal is recorded with the command, the rule and who asked', async () => {
    const accountId = randomUUID();
    await expect(recordingRefusals(store, target(accountId, { clientId: 'client-1', ruleVersion: () => 3 }), contextFor('req-1'), refuse('currency-mismatch'))).rejects.toMatchObject({ rule: 'currency-mismatch' });
    const [recorded] = await store.readStream(complianceStreamId(accountId));
    expect(recorded.type).toBe('CommandRefused');
    expect(recorded.data).toEqual({ service: 'payments', accountId, clientId: 'client-1', command: 'PostPayment', rule: 'currency-mismatch', ruleVersion: 3, reason: 'currency-mismatch says no', refusedAt: now.toISOString() });
    expect(recorded.metadata).toMatchObject({ principal: { role: 'collector', id: 'collector-7' }, causationId: 'req-1', correlationId: 'corr-1' });
    expect(commandRefusalGateway(recorded)).toEqual([
      expect.objectContaining({
        topic: 'compliance.decisions',
        key: accountId,
        value: { service: 'payments', accountId, clientId: 'client-1', command: 'PostPayment', rule: 'currency-mismatch', ruleVersion: 3, reason: 'currency-mismatch says no', principalId: 'collector-7', refusedAt: now.toISOString() },
      }),
    ]);
  });

  it('the same command refused again (same causation) is recorded once; another command is recorded again', async () => {
    const accountId = randomUUID();
    for (const causation of ['req-1', 'req-1', 'req-2']) {
      await expect(recordingRefusals(store, target(accountId), contextFor(causation), refuse('account-paid'))).rejects.toBeInstanceOf(Refused);
    }
    expect((await store.readStream(complianceStreamId(accountId))).map((e) => [e.metadata.causationId, e.data.ruleVersion])).toEqual([
      ['req-1', null],
      ['req-2', null],
    ]);
  });

  it('records nothing for a not-found refusal, for a refusal the domain keeps itself, or for an accepted command', async () => {
    const accountId = randomUUID();
    await expect(recordingRefusals(store, target(accountId), contextFor('a'), refuse('ledger-unknown'))).rejects.toBeInstanceOf(Refused);
    await expect(recordingRefusals(store, target(accountId, { recordedElsewhere: (rule) => rule === 'call-window' }), contextFor('b'), refuse('call-window'))).rejects.toBeInstanceOf(Refused);
    expect(await recordingRefusals(store, target(accountId), contextFor('c'), async () => 'accepted')).toBe('accepted');
    await expect(recordingRefusals(store, target(accountId), contextFor('d'), async () => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    expect(await store.readStream(complianceStreamId(accountId))).toEqual([]);
  });

  it('an accepted command judged by named rules records that it passed them, once per command, and publishes the allowance', async () => {
    const accountId = randomUUID();
    const rules = { rulesChecked: ['currency-mismatch', 'account-paid'], ruleVersion: (rule: string) => (rule === 'account-paid' ? 2 : null) };
    for (const causation of ['req-1', 'req-1', 'req-2']) {
      expect(await recordingRefusals(store, target(accountId, rules), contextFor(causation), async () => 'posted')).toBe('posted');
    }
    const recorded = await store.readStream(complianceStreamId(accountId));
    expect(recorded.map((e) => [e.type, e.metadata.causationId])).toEqual([
      ['CommandAllowed', 'req-1'],
      ['CommandAllowed', 'req-2'],
    ]);
    expect(recorded[0].data).toEqual({
      service: 'payments',
      accountId,
      clientId: null,
      command: 'PostPayment',
      rules: [
        { rule: 'currency-mismatch', ruleVersion: null },
        { rule: 'account-paid', ruleVersion: 2 },
      ],
      allowedAt: now.toISOString(),
    });
    expect(commandRefusalGateway(recorded[0])).toEqual([
      expect.objectContaining({
        topic: 'compliance.decisions',
        key: accountId,
        value: { service: 'payments', accountId, clientId: null, command: 'PostPayment', rules: recorded[0].data.rules, principalId: 'collector-7', allowedAt: now.toISOString() },
      }),
    ]);
  });

  it('a refused command judged by named rules records its refusal, not an allowance', async () => {
    const accountId = randomUUID();
    await expect(recordingRefusals(store, target(accountId, { rulesChecked: ['currency-mismatch'] }), contextFor('r'), refuse('currency-mismatch'))).rejects.toBeInstanceOf(Refused);
    expect((await store.readStream(complianceStreamId(accountId))).map((e) => e.type)).toEqual(['CommandRefused']);
  });
});
