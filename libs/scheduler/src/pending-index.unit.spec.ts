import { IndexedWork, PendingIndex } from './pending-index';

/** A deterministic stream of numbers, so a failure replays. */
function randomFrom(seed: number): (below: number) => number {
  let state = seed;
  // The low bits of this generator repeat quickly: the high ones make the digits.
  return (below) => Math.floor(((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648) * below);
}

function uuid(random: (below: number) => number): string {
  const hex = (digits: number) => Array.from({ length: digits }, () => '0123456789abcdef'[random(16)]).join('');
  return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}

/** Ids as the services build them, and every shape the index must keep as written. */
function idShapes(random: (below: number) => number): Array<() => string> {
  return [
    () => `legal-review-${uuid(random)}`,
    () => `cadence-step-${uuid(random)}-${random(6)}-${random(2)}`,
    () => `legal-review-${uuid(random)}-after-${uuid(random)}`,
    () => `${uuid(random)}`,
    () => `${uuid(random)}${uuid(random)}`,
    () => `three-${uuid(random)}-${uuid(random)}-${uuid(random)}`,
    () => `upper-${uuid(random).toUpperCase()}`,
    () => `w-${random(500)}`,
    () => `nul\u0000-${uuid(random)}\u0000`,
    () => `ünïcode-${uuid(random)}-✓`,
    () => `almost-${uuid(random).slice(0, 35)}g`,
    () => '',
  ];
}

const byDue = (model: Map<string, IndexedWork>, nowMs: number) =>
  [...model].filter(([, item]) => Math.max(item.dueMs, item.retryMs ?? -Infinity) <= nowMs).sort((a, b) => a[1].dueMs - b[1].dueMs).map(([id]) => id);

describe('the packed pending index', () => {
  it('answers as a Map of its items through many adds, updates, failures and deletes, ids of every shape kept as written', () => {
    const random = randomFrom(42);
    const shapes = idShapes(random);
    const index = new PendingIndex();
    const model = new Map<string, IndexedWork>();
    const known: string[] = [];
    for (let step = 0; step < 30_000; step += 1) {
      const action = random(10);
      if (action < 5 || known.length === 0) {
        const id = shapes[random(shapes.length)]();
        const item: IndexedWork = { kind: ['review', 'check', 'step'][random(3)], dueMs: Date.UTC(2026, 2, 1) + random(40) * 3_600_000, version: 0, failures: 0 };
        if (!model.has(id)) model.set(id, item);
        else model.set(id, { ...item });
        index.set(id, model.get(id)!);
        known.push(id);
      } else if (action < 7) {
        const id = known[random(known.length)];
        const before = model.get(id);
        if (!before) continue;
        const failed: IndexedWork = { ...before, version: before.version + 1, failures: before.failures + 1, retryMs: Date.UTC(2026, 2, 1) + random(80) * 3_600_000 };
        model.set(id, failed);
        index.set(id, failed);
      } else {
        const id = known[random(known.length)];
        expect(index.delete(id)).toBe(model.delete(id));
      }
      if (step % 3_000 === 0 || step === 29_999) {
        expect(index.size).toBe(model.size);
        expect([...index.entries()]).toEqual([...model]);
        const nowMs = Date.UTC(2026, 2, 1) + random(80) * 3_600_000;
        const { ids, earliestNotDue } = index.due(nowMs);
        expect(ids).toEqual(byDue(model, nowMs));
        const later = [...model.values()].map((item) => Math.max(item.dueMs, item.retryMs ?? -Infinity)).filter((at) => at > nowMs);
        expect(earliestNotDue).toBe(later.length > 0 ? Math.min(...later) : Infinity);
      }
    }
    for (const id of known.slice(0, 2_000)) expect(index.get(id)).toEqual(model.get(id));
    expect(index.has('never-scheduled')).toBe(false);
  });

  it('fires items due at the same instant in the order they were first indexed, also after their slots were reused', () => {
    const index = new PendingIndex();
    const item = (dueMs: number): IndexedWork => ({ kind: 'k', dueMs, version: 0, failures: 0 });
    const random = randomFrom(7);
    const ids = Array.from({ length: 50 }, () => `legal-review-${uuid(random)}`);
    ids.forEach((id) => index.set(id, item(1_000)));
    ids.slice(0, 25).forEach((id) => index.delete(id));
    const newer = Array.from({ length: 25 }, () => `hold-end-${uuid(random)}`);
    newer.forEach((id) => index.set(id, item(1_000)));
    // An update keeps an item's place.
    index.set(ids[30], { ...item(1_000), version: 3 });
    expect(index.due(1_000).ids).toEqual([...ids.slice(25), ...newer]);
  });

  it('gives back the same items from its columns, in the same order, and a second save of them is the same bytes', () => {
    const random = randomFrom(9);
    const shapes = idShapes(random);
    const index = new PendingIndex();
    for (let n = 0; n < 5_000; n += 1) {
      const failures = random(10) === 0 ? 1 + random(3) : 0;
      index.set(shapes[n % shapes.length](), { kind: ['a', 'b'][random(2)], dueMs: 1_770_000_000_000 + random(1e6), version: failures, failures, ...(failures ? { retryMs: 1_780_000_000_000 + random(1e6) } : {}) });
    }
    const columns = index.toColumns();
    const restored = new PendingIndex();
    // As a snapshot brings them back: bytes not aligned the way they were written.
    const shifted = new Uint8Array(columns.bytes.byteLength + 1).subarray(1);
    shifted.set(columns.bytes);
    restored.loadColumns({ ...JSON.parse(JSON.stringify({ ...columns, bytes: undefined })), bytes: shifted });
    expect([...restored.entries()]).toEqual([...index.entries()]);
    expect(Buffer.from(restored.toColumns().bytes).equals(Buffer.from(columns.bytes))).toBe(true);
    const [someId] = [...index.entries()][0];
    expect(restored.get(someId)).toEqual(index.get(someId));
  });

  it('refuses columns that do not add up instead of loading a wrong index', () => {
    const index = new PendingIndex();
    const random = randomFrom(3);
    for (let n = 0; n < 10; n += 1) index.set(`legal-review-${uuid(random)}`, { kind: 'k', dueMs: 1_000 + n, version: 0, failures: 0 });
    const columns = index.toColumns();
    const load = (changed: object) => () => new PendingIndex().loadColumns({ ...columns, ...changed });
    expect(load({ bytes: columns.bytes.subarray(0, columns.bytes.byteLength - 2) })).toThrow(RangeError);
    expect(load({ count: 11 })).toThrow(RangeError);
    expect(load({ kinds: [] })).toThrow(RangeError);
    expect(load({ patterns: [] })).toThrow(RangeError);
    // A pattern that would cut its ids elsewhere than the index does: lookups by id would miss.
    expect(load({ patterns: [[`legal-review-${uuid(random)}-`, '']] })).toThrow(RangeError);
    expect(load({ failed: [[10, 1, 5]] })).toThrow(RangeError);
    const repeated = new PendingIndex();
    repeated.set(`a-${uuid(random)}`, { kind: 'k', dueMs: 1, version: 0, failures: 0 });
    const one = repeated.toColumns();
    const twice = new Uint8Array(2 * one.bytes.byteLength);
    // Two items with the same id: the same columns side by side, laid out column after column.
    const layout = [8, 4, 4, 16, 2];
    let from = 0;
    let to = 0;
    for (const width of layout) {
      twice.set(one.bytes.subarray(from, from + width), to);
      twice.set(one.bytes.subarray(from, from + width), to + width);
      from += width;
      to += 2 * width;
    }
    expect(() => new PendingIndex().loadColumns({ ...one, count: 2, bytes: twice })).toThrow(/repeats an id/);
  });
});
