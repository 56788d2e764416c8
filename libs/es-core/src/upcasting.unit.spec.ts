import { GENESIS_HASH, chainEvents, verifyChain } from './hash-chain';
import { RecordedEvent } from './event';
import { asStored, upcastRecorded } from './upcasting';

const stored: RecordedEvent = chainEvents('s-1', GENESIS_HASH, 0, [
  { type: 'Noted', data: { text: 'hi' }, metadata: { eventId: 'e-1', principal: { role: 'system', id: 'x' }, correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z' } },
]).map((event) => ({ ...event, streamId: 's-1', version: 0, globalPosition: 1n }) as unknown as RecordedEvent)[0];

describe('upcasting a stored event', () => {
  const upcasters = {
    Noted: (e: { data: { text: string } }) => ({ type: 'Noted.v2', data: { text: e.data.text, lang: 'en' } }),
    'Noted.v2': (e: { data: object }) => ({ type: 'Noted.v3', data: { ...e.data, v3: true } }),
  };

  it('chains upcasters to the newest version, keeps the stored form, and verifies on it', () => {
    const read = upcastRecorded(stored, upcasters);
    expect(read).toMatchObject({ type: 'Noted.v3', data: { text: 'hi', lang: 'en', v3: true }, storedAs: { type: 'Noted', data: { text: 'hi' } } });
    expect(verifyChain('s-1', [read])).toMatchObject({ ok: true });
    expect(asStored(read)).toEqual(stored);
  });

  it('leaves an event without an upcaster as it is', () => {
    expect(upcastRecorded(stored, {})).toBe(stored);
  });

  it('refuses upcasters that never end', () => {
    expect(() => upcastRecorded(stored, { Noted: (e) => e })).toThrow(/does not end/);
  });
});
