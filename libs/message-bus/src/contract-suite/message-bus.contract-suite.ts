import { randomUUID } from 'node:crypto';
import {
  BusSubscription,
  GroupHasMembersError,
  IncomingMessage,
  MessageBus,
  MessageHeaders,
  OutgoingMessage,
  SubscribeOptions,
  deadLetterTopic,
} from '../message-bus.port';
import { waitFor } from './wait-for';

export interface MessageBusContractOptions {
  /** How long a test waits for a delivery it expects. Default 20 s. */
  waitTimeoutMs?: number;
  /** Jest timeout of each test. Default 45 s. */
  testTimeoutMs?: number;
  /**
   * Called once after the suite with every topic it named (dead-letter topics included,
   * whether or not they were created), so a shared server can be left tidy.
   */
  cleanup?: (topics: string[]) => Promise<void>;
}

/**
 * The behaviour every message bus adapter must show. Each adapter's spec calls this with
 * a factory for a fresh, open bus; the suite closes it after each test. Adapters differ
 * only in speed: every expectation here holds for Kafka and for the in-process bus.
 */
export function messageBusContract(
  adapterName: string,
  factory: () => MessageBus | Promise<MessageBus>,
  options: MessageBusContractOptions = {},
): void {
  const timeoutMs = options.waitTimeoutMs ?? 20_000;
  const testTimeout = options.testTimeoutMs ?? 45_000;

  describe(`message bus contract: ${adapterName}`, () => {
    let bus: MessageBus;
    let subscriptions: BusSubscription[];
    const named: string[] = [];
    const uniqueName = (prefix: string): string => {
      const name = `contract-${prefix}-${randomUUID().slice(0, 8)}`;
      named.push(name, deadLetterTopic(name));
      return name;
    };
    const groupName = (): string => `contract-group-${randomUUID().slice(0, 8)}`;

    beforeEach(async () => {
      bus = await factory();
      subscriptions = [];
    });

    afterEach(async () => {
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      await bus.close();
    });

    afterAll(async () => {
      await options.cleanup?.(named);
    });

    const subscribe = async (subscribeOptions: SubscribeOptions): Promise<BusSubscription> => {
      const subscription = await bus.subscribe(subscribeOptions);
      subscriptions.push(subscription);
      return subscription;
    };

    const until = (description: string, condition: () => boolean, progress?: () => string) =>
      waitFor(description, condition, { timeoutMs }, progress);

    it(
      'answers a ping while open and refuses one once closed',
      async () => {
        await expect(bus.ping()).resolves.toBeUndefined();
        const another = await factory();
        await another.close();
        await expect(another.ping()).rejects.toThrow();
      },
      testTimeout,
    );

    it(
      'counts as lag what a group has not committed yet, and none once it has handled everything',
      async () => {
        const topic = uniqueName('lag');
        const other = uniqueName('lag-other');
        await bus.ensureTopics([topic, other]);
        await bus.publish([message(topic, 'a', { n: 1 }), message(topic, 'b', { n: 2 }), message(topic, 'c', { n: 3 }), message(other, 'a', { n: 4 })]);
        const groupId = groupName();
        expect(await bus.lag(groupId, [topic])).toBe(3);
        expect(await bus.lag(groupId, [topic, other])).toBe(4);

        const received: IncomingMessage[] = [];
        await subscribe({ groupId, topics: [topic], handler: record(received) });
        await until('three deliveries', () => received.length >= 3);
        // Offsets are committed after the handler, possibly a moment later: poll.
        const deadline = Date.now() + timeoutMs;
        let lag = await bus.lag(groupId, [topic]);
        while (lag !== 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          lag = await bus.lag(groupId, [topic]);
        }
        expect(lag).toBe(0);
        expect(await bus.lag(groupId, [topic, other])).toBe(1);
      },
      testTimeout,
    );

    it(
      'delivers key, value and headers intact, with partition, offset and first attempt',
      async () => {
        const topic = uniqueName('headers');
        await bus.ensureTopics([topic]);
        const received: IncomingMessage[] = [];
        await subscribe({ groupId: groupName(), topics: [topic], handler: record(received) });

        const headers: MessageHeaders = {
          'message-type': 'PaymentPosted.v1',
          'message-id': randomUUID(),
          'correlation-id': randomUUID(),
          'causation-id': randomUUID(),
          'x-tenant': 'acme collections',
          'x-empty': '',
        };
        const value = { accountId: 'acc-1', amount: { minor: 12345, currency: 'EUR' }, tags: ['a', 'ü'], none: null };
        await bus.publish([{ topic, key: 'acc-1', value, headers }]);

        await until('one delivery', () => received.length >= 1);
        const [message] = received;
        expect(message.topic).toBe(topic);
        expect(message.key).toBe('acc-1');
        expect(message.value).toEqual(value);
        expect(message.headers).toMatchObject(headers);
        expect(message.attempt).toBe(1);
        expect(Number.isInteger(message.partition)).toBe(true);
        expect(message.offset).toMatch(/^\d+$/);
      },
      testTimeout,
    );

    it(
      'keeps publish order per key across many keys and interleaved publish calls',
      async () => {
        const topic = uniqueName('order');
        await bus.ensureTopics([topic]);
        const keys = Array.from({ length: 20 }, (_, i) => `account-${i}`);
        const perKey = 25;
        const seen = new Map<string, number[]>();
        let total = 0;
        await subscribe({
          groupId: groupName(),
          topics: [topic],
          handler: async (message) => {
            const { seq } = message.value as { seq: number };
            seen.set(message.key, [...(seen.get(message.key) ?? []), seq]);
            total += 1;
          },
        });

        // Five publish calls, each interleaving every key: order must follow publish order.
        const batches: OutgoingMessage[][] = [];
        for (let seq = 0; seq < perKey; seq += 5) {
          batches.push(
            Array.from({ length: 5 }, (_, i) => seq + i).flatMap((s) =>
              keys.map((key) => message(topic, key, { seq: s })),
            ),
          );
        }
        for (const batch of batches) await bus.publish(batch);

        await until(`${keys.length * perKey} deliveries`, () => total >= keys.length * perKey, () => `got ${total}`);
        const expected = Array.from({ length: perKey }, (_, i) => i);
        for (const key of keys) expect(seen.get(key)).toEqual(expected);
      },
      testTimeout,
    );

    it(
      'applies back-pressure: a slow handler holds back its partition, one message in flight each',
      async () => {
        const topic = uniqueName('backpressure');
        await bus.ensureTopics([topic]);
        const waiting = 40;
        const inFlightByPartition = new Map<number, number>();
        let inFlight = 0;
        let mostInFlight = 0;
        let mostInOnePartition = 0;
        const partitionsSeen = new Set<number>();
        let handled = 0;
        await subscribe({
          groupId: groupName(),
          topics: [topic],
          handler: async (message) => {
            partitionsSeen.add(message.partition);
            const here = (inFlightByPartition.get(message.partition) ?? 0) + 1;
            inFlightByPartition.set(message.partition, here);
            inFlight += 1;
            mostInOnePartition = Math.max(mostInOnePartition, here);
            mostInFlight = Math.max(mostInFlight, inFlight);
            // Slow on purpose: everything is already published, so only the bus holds the rest back.
            await new Promise((resolve) => setTimeout(resolve, 10));
            inFlightByPartition.set(message.partition, here - 1);
            inFlight -= 1;
            handled += 1;
          },
        });

        await bus.publish(Array.from({ length: waiting }, (_, i) => message(topic, `account-${i % 10}`, { i })));

        await until(`${waiting} deliveries`, () => handled >= waiting, () => `handled ${handled}`);
        expect(mostInOnePartition).toBe(1);
        expect(mostInFlight).toBeLessThanOrEqual(partitionsSeen.size);
      },
      testTimeout,
    );

    it(
      'redelivers a message whose handler failed, then delivers the next one',
      async () => {
        const topic = uniqueName('retry');
        await bus.ensureTopics([topic]);
        const deliveries: Array<{ id: string; attempt: number }> = [];
        await subscribe({
          groupId: groupName(),
          topics: [topic],
          maxAttempts: 3,
          handler: async (message) => {
            deliveries.push({ id: message.headers['message-id'], attempt: message.attempt });
            if (message.headers['message-id'] === 'first' && message.attempt === 1) {
              throw new Error('transient failure');
            }
          },
        });

        await bus.publish([
          message(topic, 'same-key', { n: 1 }, { 'message-id': 'first' }),
          message(topic, 'same-key', { n: 2 }, { 'message-id': 'second' }),
        ]);

        await until('the second message', () => deliveries.some((d) => d.id === 'second'));
        expect(deliveries).toEqual([
          { id: 'first', attempt: 1 },
          { id: 'first', attempt: 2 },
          { id: 'second', attempt: 1 },
        ]);
      },
      testTimeout,
    );

    it(
      'stops a batch at a failing message: those before it committed, it redelivered, none after it applied first',
      async () => {
        const topic = uniqueName('batch-failure');
        await bus.ensureTopics([topic]);
        const groupId = groupName();
        // One key, one publish call: one partition, and on Kafka one fetched batch.
        const ids = Array.from({ length: 12 }, (_, i) => `m${i}`);
        const failing = 'm5';
        const firstMember: string[] = [];
        const first = await subscribe({
          groupId,
          topics: [topic],
          maxAttempts: 1_000,
          handler: async (m) => {
            firstMember.push(`${m.headers['message-id']}#${m.attempt}`);
            if (m.headers['message-id'] === failing) throw new Error('dependency down');
          },
        });
        await bus.publish(ids.map((id, n) => message(topic, 'one-account', { n }, { 'message-id': id })));
        await until('two failed attempts of the failing message', () => firstMember.includes(`${failing}#2`), () =>
          firstMember.join(','),
        );

        await first.close();
        // Nothing after the failing message ran while it failed, and nothing ran twice.
        const applied = firstMember.filter((entry) => !entry.startsWith(`${failing}#`));
        expect(applied).toEqual(['m0#1', 'm1#1', 'm2#1', 'm3#1', 'm4#1']);

        // The successor starts at the failing message: the five before it were committed.
        const successor: string[] = [];
        await subscribe({ groupId, topics: [topic], handler: recordIds(successor) });
        await until('the rest at the successor', () => successor.length >= ids.length - 5, () => successor.join(','));
        expect(successor).toEqual(ids.slice(5));
      },
      testTimeout,
    );

    it(
      'shares the partitions of one group among its members without losing a message',
      async () => {
        const topic = uniqueName('shared');
        await bus.ensureTopics([topic]);
        const groupId = groupName();
        const byMember: [string[], string[]] = [[], []];
        for (const received of byMember) {
          await subscribe({
            groupId,
            topics: [topic],
            handler: async (m) => {
              received.push(m.headers['message-id']);
            },
          });
        }

        const messages = Array.from({ length: 60 }, (_, i) => message(topic, `account-${i % 30}`, { i }));
        await bus.publish(messages);

        const ids = messages.map((m) => m.headers['message-id']);
        const union = () => new Set([...byMember[0], ...byMember[1]]);
        await until('every message in the group', () => ids.every((id) => union().has(id)), () =>
          `members got ${byMember[0].length} + ${byMember[1].length}`,
        );
        // Default topics have 3 partitions, so each of the two members owns at least one.
        expect(byMember[0].length).toBeGreaterThan(0);
        expect(byMember[1].length).toBeGreaterThan(0);
      },
      testTimeout,
    );

    it(
      'loses nothing and keeps per-key order while members join and leave mid-stream',
      async () => {
        const topic = uniqueName('churn');
        await bus.ensureTopics([topic]);
        const groupId = groupName();
        const deliveries: Array<{ key: string; n: number }> = [];
        const handler: SubscribeOptions['handler'] = async (m) => {
          // Handlers that take a moment and sometimes fail make the handover happen mid-work.
          await new Promise((resolve) => setTimeout(resolve, 1));
          const { n } = m.value as { n: number };
          if (n % 37 === 0 && m.attempt === 1) throw new Error('flaky dependency');
          deliveries.push({ key: m.key, n });
        };
        const first = await subscribe({ groupId, topics: [topic], handler });

        const total = 600;
        const publishing = (async () => {
          for (let n = 0; n < total; n += 30) {
            await bus.publish(Array.from({ length: 30 }, (_, i) => message(topic, `account-${(n + i) % 11}`, { n: n + i })));
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        })();
        await until('deliveries before the second member', () => deliveries.length >= 100);
        await subscribe({ groupId, topics: [topic], handler });
        await until('deliveries before the first member leaves', () => deliveries.length >= 300);
        await first.close();
        await publishing;

        const unique = () => new Set(deliveries.map((d) => d.n)).size;
        await until(`all ${total} messages`, () => unique() >= total, () => `got ${unique()} distinct`);
        // At-least-once may replay a handed-over message; first deliveries still follow publish order.
        const firstSeen = new Map<string, number[]>();
        const counted = new Set<number>();
        for (const { key, n } of deliveries) {
          if (counted.has(n)) continue;
          counted.add(n);
          firstSeen.set(key, [...(firstSeen.get(key) ?? []), n]);
        }
        for (const ns of firstSeen.values()) expect(ns).toEqual([...ns].sort((a, b) => a - b));
      },
      testTimeout,
    );

    it(
      'gives every group every message',
      async () => {
        const topic = uniqueName('fanout');
        await bus.ensureTopics([topic]);
        const groups: [string[], string[]] = [[], []];
        for (const received of groups) {
          await subscribe({
            groupId: groupName(),
            topics: [topic],
            handler: async (m) => {
              received.push(m.headers['message-id']);
            },
          });
        }

        const messages = Array.from({ length: 20 }, (_, i) => message(topic, `account-${i % 7}`, { i }));
        await bus.publish(messages);

        const ids = messages.map((m) => m.headers['message-id']);
        await until('every message in both groups', () =>
          groups.every((received) => ids.every((id) => received.includes(id))),
        );
      },
      testTimeout,
    );

    it(
      'honours fromBeginning: a new group starts at the earliest message, or only at new ones',
      async () => {
        const topic = uniqueName('start');
        await bus.ensureTopics([topic]);
        await bus.publish([message(topic, 'k', { n: 1 }, { 'message-id': 'before' })]);

        const fromStart: string[] = [];
        const onlyNew: string[] = [];
        await subscribe({ groupId: groupName(), topics: [topic], handler: recordIds(fromStart) });
        await subscribe({
          groupId: groupName(),
          topics: [topic],
          fromBeginning: false,
          handler: recordIds(onlyNew),
        });
        await bus.publish([message(topic, 'k', { n: 2 }, { 'message-id': 'after' })]);

        // One key, one partition: once 'after' arrived, an earlier message would have come first.
        await until('the new message in both groups', () => fromStart.includes('after') && onlyNew.includes('after'));
        expect(fromStart).toEqual(['before', 'after']);
        expect(onlyNew).toEqual(['after']);
      },
      testTimeout,
    );

    it(
      'delivers nothing to a closed subscription and commits what it handled',
      async () => {
        const topic = uniqueName('close');
        await bus.ensureTopics([topic]);
        const groupId = groupName();
        const early: string[] = [];
        const first = await subscribe({ groupId, topics: [topic], handler: recordIds(early) });
        const before = Array.from({ length: 5 }, (_, i) => message(topic, `k${i}`, { i }));
        await bus.publish(before);
        await until('the first five', () => early.length >= 5);

        await first.close();
        const countAtClose = early.length;
        const after = Array.from({ length: 5 }, (_, i) => message(topic, `k${i}`, { i: i + 5 }));
        await bus.publish(after);

        // A successor in the same group proves the later messages were deliverable.
        const late: string[] = [];
        await subscribe({ groupId, topics: [topic], handler: recordIds(late) });
        await until('the later five at the successor', () =>
          after.every((m) => late.includes(m.headers['message-id'])),
        );
        expect(early.length).toBe(countAtClose);
        expect(late.filter((id) => before.some((m) => m.headers['message-id'] === id))).toEqual([]);
      },
      testTimeout,
    );

    it(
      'lets close wait for the handler in flight, and commits its message',
      async () => {
        const topic = uniqueName('inflight');
        await bus.ensureTopics([topic]);
        const groupId = groupName();
        const events: string[] = [];
        let started = false;
        const subscription = await subscribe({
          groupId,
          topics: [topic],
          handler: async () => {
            started = true;
            await new Promise((resolve) => setTimeout(resolve, 300));
            events.push('handler finished');
          },
        });
        await bus.publish([message(topic, 'k', {}, { 'message-id': 'slow' })]);
        await until('the handler to start', () => started);

        await subscription.close();
        events.push('close resolved');
        expect(events).toEqual(['handler finished', 'close resolved']);

        const redelivered: string[] = [];
        await subscribe({ groupId, topics: [topic], handler: recordIds(redelivered) });
        await bus.publish([message(topic, 'k', {}, { 'message-id': 'next' })]);
        await until('the next message at the successor', () => redelivered.includes('next'));
        expect(redelivered).toEqual(['next']);
      },
      testTimeout,
    );

    it(
      'commits up to the last handled message when closed in the middle of a batch',
      async () => {
        const topic = uniqueName('close-mid-batch');
        await bus.ensureTopics([topic]);
        const groupId = groupName();
        // One key, one publish call: one partition, and on Kafka one fetched batch.
        const ids = Array.from({ length: 40 }, (_, i) => `m${i}`);
        const firstMember: string[] = [];
        const first = await subscribe({
          groupId,
          topics: [topic],
          handler: async (m) => {
            await new Promise((resolve) => setTimeout(resolve, 20));
            firstMember.push(m.headers['message-id']);
          },
        });
        await bus.publish(ids.map((id, n) => message(topic, 'one-account', { n }, { 'message-id': id })));
        await until('a few handled', () => firstMember.length >= 5);

        await first.close();
        const handled = firstMember.length;
        expect(handled).toBeLessThan(ids.length);
        expect(firstMember).toEqual(ids.slice(0, handled));

        const successor: string[] = [];
        await subscribe({ groupId, topics: [topic], handler: recordIds(successor) });
        await until('the rest at the successor', () => successor.length >= ids.length - handled, () => successor.join(','));
        expect(successor).toEqual(ids.slice(handled));
      },
      testTimeout,
    );

    it(
      'hands a failing message to the next member when its consumer closes, counting attempts afresh',
      async () => {
        const topic = uniqueName('handover');
        await bus.ensureTopics([topic]);
        const groupId = groupName();
        const failedAttempts: number[] = [];
        const first = await subscribe({
          groupId,
          topics: [topic],
          maxAttempts: 1_000,
          handler: async (m) => {
            failedAttempts.push(m.attempt);
            throw new Error('dependency down');
          },
        });
        await bus.publish([message(topic, 'k', {}, { 'message-id': 'stuck' })]);
        await until('a retry at the first member', () => failedAttempts.length >= 2);

        await first.close();
        const failuresAtClose = failedAttempts.length;
        const successor: IncomingMessage[] = [];
        await subscribe({ groupId, topics: [topic], handler: record(successor) });
        await until('the message at the successor', () => successor.length >= 1);
        expect(failedAttempts.length).toBe(failuresAtClose);
        expect(successor[0].headers['message-id']).toBe('stuck');
        expect(successor[0].attempt).toBe(1);
      },
      testTimeout,
    );

    it(
      'sends a poison message to <topic>.dead-letter after maxAttempts and moves on',
      async () => {
        const topic = uniqueName('poison');
        const dlq = deadLetterTopic(topic);
        await bus.ensureTopics([topic, dlq]);
        const attempts: number[] = [];
        const handled: string[] = [];
        const sameKey: string[] = [];
        const dead: IncomingMessage[] = [];
        let poison: IncomingMessage | undefined;
        await subscribe({
          groupId: groupName(),
          topics: [topic],
          maxAttempts: 3,
          handler: async (m) => {
            if (m.key === 'acc-9') sameKey.push(`${m.headers['message-id']}#${m.attempt}`);
            if (m.headers['message-id'] === 'poison') {
              poison = m;
              attempts.push(m.attempt);
              throw new Error(`cannot handle account ${m.key}`);
            }
            handled.push(m.headers['message-id']);
          },
        });
        await subscribe({ groupId: groupName(), topics: [dlq], handler: record(dead) });

        await bus.publish([
          message(topic, 'acc-9', { bad: true }, { 'message-id': 'poison', 'x-origin': 'test' }),
          message(topic, 'acc-9', { n: 1 }, { 'message-id': 'same-key-after' }),
          message(topic, 'acc-1', { n: 2 }, { 'message-id': 'other-key' }),
        ]);

        await until('the dead letter and the messages after it', () =>
          dead.length >= 1 && handled.includes('same-key-after') && handled.includes('other-key'),
        );
        expect(attempts).toEqual([1, 2, 3]);
        expect(sameKey).toEqual(['poison#1', 'poison#2', 'poison#3', 'same-key-after#1']);
        const [letter] = dead;
        expect(letter.key).toBe('acc-9');
        expect(letter.value).toEqual({ bad: true });
        expect(letter.headers).toMatchObject({
          'message-id': 'poison',
          'x-origin': 'test',
          error: 'cannot handle account acc-9',
          'original-topic': topic,
          'original-partition': String(poison?.partition),
          'original-offset': poison?.offset,
        });
      },
      testTimeout,
    );

    it(
      'spends no attempt on failures while dependenciesDown says so: nothing dead-lettered during an outage',
      async () => {
        const topic = uniqueName('outage');
        const dlq = deadLetterTopic(topic);
        await bus.ensureTopics([topic, dlq]);
        let down = true;
        const failedWhileDown: number[] = [];
        const handled: IncomingMessage[] = [];
        const dead: IncomingMessage[] = [];
        await subscribe({
          groupId: groupName(),
          topics: [topic],
          maxAttempts: 2,
          dependenciesDown: async () => down,
          handler: async (m) => {
            if (down) {
              failedWhileDown.push(m.attempt);
              throw new Error('read model store unreachable');
            }
            handled.push(m);
          },
        });
        await subscribe({ groupId: groupName(), topics: [dlq], handler: record(dead) });
        await bus.publish([message(topic, 'acc-1', { n: 1 }, { 'message-id': 'during-outage' })]);

        // Far more failures than maxAttempts, each its first attempt: none was counted.
        await until('failures past maxAttempts', () => failedWhileDown.length >= 3);
        expect(new Set(failedWhileDown)).toEqual(new Set([1]));
        down = false;
        await until('the message handled once the dependency is back', () => handled.length >= 1);
        expect(handled.map((m) => m.headers['message-id'])).toEqual(['during-outage']);
        expect(dead).toEqual([]);
      },
      testTimeout,
    );

    it(
      'replays a topic from the start to a group that was reset, and refuses to reset a group in use',
      async () => {
        const topic = uniqueName('reset');
        const group = groupName();
        await bus.ensureTopics([topic]);
        await bus.publish(['a', 'b', 'c'].map((id) => message(topic, `k-${id}`, {}, { 'message-id': id })));
        const first: string[] = [];
        const consuming = await subscribe({ groupId: group, topics: [topic], handler: recordIds(first) });
        await until('the first reading', () => first.length >= 3, () => `got ${first.join(',')}`);
        await expect(bus.resetGroup(group)).rejects.toBeInstanceOf(GroupHasMembersError);
        await consuming.close();

        // Without a reset, the group goes on from where it stood: only what is new.
        const resumed: string[] = [];
        const resuming = await subscribe({ groupId: group, topics: [topic], handler: recordIds(resumed) });
        await bus.publish([message(topic, 'k-d', {}, { 'message-id': 'd' })]);
        await until('the new message', () => resumed.includes('d'));
        await resuming.close();
        expect(resumed).toEqual(['d']);

        await bus.resetGroup(group);
        const replayed: string[] = [];
        await subscribe({ groupId: group, topics: [topic], handler: recordIds(replayed) });
        await until('every message again', () => replayed.length >= 4, () => `got ${replayed.join(',')}`);
        expect([...replayed].sort()).toEqual(['a', 'b', 'c', 'd']);
        // A group that never consumed is already reset.
        await bus.resetGroup(groupName());
      },
      testTimeout,
    );

    it(
      'batch consumption: every message at least once, per-key order within and across batches, none over the maximum',
      async () => {
        const topic = uniqueName('batch-order');
        await bus.ensureTopics([topic]);
        const maxBatchSize = 7;
        const batches: IncomingMessage[][] = [];
        const oneByOne: string[] = [];
        await subscribe({
          groupId: groupName(),
          topics: [topic],
          maxBatchSize,
          handler: recordIds(oneByOne),
          batchHandler: async (messages) => {
            batches.push(messages);
          },
        });
        const keys = Array.from({ length: 10 }, (_, i) => `account-${i}`);
        const perKey = 20;
        for (let seq = 0; seq < perKey; seq += 4) {
          await bus.publish(Array.from({ length: 4 }, (_, i) => seq + i).flatMap((n) => keys.map((key) => message(topic, key, { seq: n }))));
        }

        const total = keys.length * perKey;
        const distinct = () => new Set(batches.flat().map((m) => m.headers['message-id'])).size;
        await until(`${total} messages in batches`, () => distinct() >= total, () => `got ${distinct()}`);
        expect(oneByOne).toEqual([]);
        for (const batch of batches) {
          expect(batch.length).toBeGreaterThan(0);
          expect(batch.length).toBeLessThanOrEqual(maxBatchSize);
          // One partition per batch, in offset order.
          expect(new Set(batch.map((m) => m.partition)).size).toBe(1);
          const offsets = batch.map((m) => Number(m.offset));
          expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
          expect(batch.every((m) => m.attempt === 1)).toBe(true);
        }
        // Everything was queued at once for a partition at some point: batches did form.
        expect(Math.max(...batches.map((batch) => batch.length))).toBeGreaterThan(1);
        const firstSeen = new Map<string, number[]>();
        const counted = new Set<string>();
        for (const m of batches.flat()) {
          if (counted.has(m.headers['message-id'])) continue;
          counted.add(m.headers['message-id']);
          firstSeen.set(m.key, [...(firstSeen.get(m.key) ?? []), (m.value as { seq: number }).seq]);
        }
        for (const key of keys) expect(firstSeen.get(key)).toEqual(Array.from({ length: perKey }, (_, i) => i));
      },
      testTimeout,
    );

    it(
      'batch consumption: commits a batch only once it resolved: one failing when its consumer closes goes whole to the successor',
      async () => {
        const topic = uniqueName('batch-commit');
        await bus.ensureTopics([topic]);
        const groupId = groupName();
        const ids = Array.from({ length: 10 }, (_, i) => `m${i}`);
        const attempts: Array<{ ids: string[]; attempt: number }> = [];
        const first = await subscribe({
          groupId,
          topics: [topic],
          maxAttempts: 1_000,
          handler: async () => {
            throw new Error('not expected one at a time');
          },
          batchHandler: async (messages) => {
            attempts.push({ ids: messages.map((m) => m.headers['message-id']), attempt: messages[0].attempt });
            // Applied part of the batch, then crashed: nothing of it may be committed.
            throw new Error('crashed mid-batch');
          },
        });
        await bus.publish(ids.map((id, n) => message(topic, 'one-account', { n }, { 'message-id': id })));
        await until('a retried batch', () => attempts.length >= 2, () => JSON.stringify(attempts));
        await first.close();
        expect(attempts[1].attempt).toBe(2);
        expect(attempts[1].ids).toEqual(attempts[0].ids);
        expect(attempts[0].ids).toEqual(ids.slice(0, attempts[0].ids.length));

        const successor: IncomingMessage[] = [];
        await subscribe({
          groupId,
          topics: [topic],
          handler: record(successor),
          batchHandler: async (messages) => {
            successor.push(...messages);
          },
        });
        await until('every message at the successor', () => successor.length >= ids.length, () => `got ${successor.length}`);
        expect(successor.map((m) => m.headers['message-id'])).toEqual(ids);
        expect(successor[0].attempt).toBe(1);
      },
      testTimeout,
    );

    it(
      'batch consumption: retries a failing batch whole, then one at a time, so only the poison message is dead-lettered',
      async () => {
        const topic = uniqueName('batch-poison');
        const dlq = deadLetterTopic(topic);
        await bus.ensureTopics([topic, dlq]);
        const ids = ['m0', 'm1', 'poison', 'm3', 'm4'];
        const batchAttempts: number[] = [];
        const applied: string[] = [];
        const single: string[] = [];
        const dead: IncomingMessage[] = [];
        await subscribe({
          groupId: groupName(),
          topics: [topic],
          maxAttempts: 2,
          handler: async (m) => {
            single.push(`${m.headers['message-id']}#${m.attempt}`);
            if (m.headers['message-id'] === 'poison') throw new Error('cannot project poison');
            applied.push(m.headers['message-id']);
          },
          batchHandler: async (messages) => {
            if (messages.some((m) => m.headers['message-id'] === 'poison')) {
              batchAttempts.push(messages[0].attempt);
              throw new Error('cannot project poison');
            }
            applied.push(...messages.map((m) => m.headers['message-id']));
          },
        });
        await subscribe({ groupId: groupName(), topics: [dlq], handler: record(dead) });
        await bus.publish(ids.map((id, n) => message(topic, 'one-account', { n }, { 'message-id': id })));

        await until('the dead letter and every other message', () => dead.length >= 1 && ['m0', 'm1', 'm3', 'm4'].every((id) => applied.includes(id)), () =>
          `applied ${applied.join(',')}; single ${single.join(',')}`,
        );
        expect(batchAttempts).toEqual([1, 2]);
        // One at a time, the poison message spends its own attempts, counted afresh.
        expect(single.filter((entry) => entry.startsWith('poison#'))).toEqual(['poison#1', 'poison#2']);
        expect(applied.filter((id, i) => applied.indexOf(id) === i)).toEqual(['m0', 'm1', 'm3', 'm4']);
        expect(dead.map((m) => m.headers['message-id'])).toEqual(['poison']);
        expect(dead[0].headers.error).toBe('cannot project poison');
      },
      testTimeout,
    );

    it(
      'batch consumption: spends no batch attempt while dependenciesDown says so',
      async () => {
        const topic = uniqueName('batch-outage');
        const dlq = deadLetterTopic(topic);
        await bus.ensureTopics([topic, dlq]);
        let down = true;
        const failedWhileDown: number[] = [];
        const handled: string[] = [];
        const dead: IncomingMessage[] = [];
        await subscribe({
          groupId: groupName(),
          topics: [topic],
          maxAttempts: 2,
          dependenciesDown: async () => down,
          handler: async () => {
            throw new Error('not expected one at a time');
          },
          batchHandler: async (messages) => {
            if (down) {
              failedWhileDown.push(messages[0].attempt);
              throw new Error('read model store unreachable');
            }
            handled.push(...messages.map((m) => m.headers['message-id']));
          },
        });
        await subscribe({ groupId: groupName(), topics: [dlq], handler: record(dead) });
        await bus.publish([message(topic, 'acc-1', { n: 1 }, { 'message-id': 'during-outage' })]);

        await until('failures past maxAttempts', () => failedWhileDown.length >= 3);
        expect(new Set(failedWhileDown)).toEqual(new Set([1]));
        down = false;
        await until('the message handled once the dependency is back', () => handled.length >= 1);
        expect(handled).toEqual(['during-outage']);
        expect(dead).toEqual([]);
      },
      testTimeout,
    );

    it(
      'creates topics idempotently and refuses a value that is not JSON',
      async () => {
        const topic = uniqueName('topics');
        await bus.ensureTopics([topic, topic]);
        await bus.ensureTopics([topic]);
        await expect(
          bus.publish([message(topic, 'k', { ok: 1 }), message(topic, 'k', { n: BigInt(1) })]),
        ).rejects.toThrow(/JSON/);

        const received: string[] = [];
        await subscribe({ groupId: groupName(), topics: [topic], handler: recordIds(received) });
        await bus.publish([message(topic, 'k', {}, { 'message-id': 'good' })]);
        await until('the good message', () => received.includes('good'));
        // The refused call wrote nothing, not even its valid first message.
        expect(received).toEqual(['good']);
      },
      testTimeout,
    );
  });
}

function message(
  topic: string,
  key: string,
  value: unknown,
  headers: Partial<MessageHeaders> = {},
): OutgoingMessage {
  const id = randomUUID();
  return {
    topic,
    key,
    value,
    headers: {
      'message-type': 'ContractTest.v1',
      'message-id': id,
      'correlation-id': id,
      'causation-id': id,
      ...(headers as Record<string, string>),
    },
  };
}

function record(into: IncomingMessage[]): SubscribeOptions['handler'] {
  return async (m) => {
    into.push(m);
  };
}

function recordIds(into: string[]): SubscribeOptions['handler'] {
  return async (m) => {
    into.push(m.headers['message-id']);
  };
}
