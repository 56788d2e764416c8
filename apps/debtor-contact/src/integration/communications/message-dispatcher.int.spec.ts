import { randomUUID } from 'node:crypto';
import { CommandContext, handleCommand } from '@lib/es-core';
import { createPgliteEventStore, PgliteEventStore } from '@lib/event-store';
import { contactStreamId } from '../../debtor-contact.dependencies';
import { communicationsDecider, CommunicationsCommand } from '../../domain/communications/communications.decider';
import type { ChannelSender, MessageChannels } from '../../domain/communications/communications.port';
import { itemizationOf } from '../../domain/communications/itemization';
import { messageIdFor, smtpMessageIdOf } from '../../domain/communications/message-id';
import { MONDAY_10_NEW_YORK } from '../../domain/contact-case/contact-case.fixtures';
import { localChannels } from './local-channels';
import { MESSAGE_DISPATCHER_CHECKPOINT, MessageDispatcher } from './message-dispatcher';
import { SmtpEmailSender } from './smtp-email.sender';
import { startSmtpTestServer } from './smtp-test-server';

/**
 * The dispatcher against a real PGlite store and a real SMTP server: what it sends, what
 * it records, and what happens when it crashes between the two.
 */
describe('the message dispatcher (PGlite, real SMTP server)', () => {
  let store: PgliteEventStore;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  let email: SmtpEmailSender;
  const running: MessageDispatcher[] = [];

  beforeAll(async () => {
    store = await createPgliteEventStore({ pollIntervalMs: 20 });
    smtp = await startSmtpTestServer();
    email = new SmtpEmailSender({ url: smtp.url }, 'notices@agency.example');
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((d) => d.stop()));
    await store.save(MESSAGE_DISPATCHER_CHECKPOINT, -1n);
  });
  afterAll(async () => {
    email.close();
    await smtp.close();
    await store.close();
  });

  const context = (): CommandContext => ({ principal: { role: 'system', id: 'integration' }, correlationId: 'corr', causationId: randomUUID(), now: MONDAY_10_NEW_YORK, newId: randomUUID });
  const decide = (accountId: string, command: CommunicationsCommand) => handleCommand(store, communicationsDecider, contactStreamId(accountId), command, context());

  /** A consumer's case, opened with its first notice queued (letter and email). */
  async function openCase(): Promise<{ accountId: string; address: string }> {
    const accountId = randomUUID();
    const address = `debtor-${accountId.slice(0, 8)}@example.com`;
    await decide(accountId, {
      type: 'OpenContactCase',
      accountId,
      clientId: 'client-1',
      commercial: false,
      debtor: { kind: 'person', legalName: 'Pat Doe', country: 'US', region: 'NY' },
      currency: 'USD',
      placedAmount: 750_050,
      now: MONDAY_10_NEW_YORK,
      firstNotice: { clientReference: 'NW-1', itemization: itemizationOf([{ number: 'INV-1', dueDate: '2025-12-15', originalAmount: 750_050 }], 750_050, 'USD'), email: address },
    });
    return { accountId, address };
  }

  function start(channels: MessageChannels, appendStore: PgliteEventStore = store): MessageDispatcher {
    const dispatcher = new MessageDispatcher({ store: appendStore, channels, now: () => MONDAY_10_NEW_YORK, newId: randomUUID, retryDelayMs: 1, restartDelayMs: 20, log: () => undefined });
    running.push(dispatcher);
    void dispatcher.start();
    return dispatcher;
  }

  const typesOf = async (accountId: string) => (await store.readStream(contactStreamId(accountId))).map((e) => e.type);
  async function eventually(what: string, done: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 8_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const settled = (accountId: string, count: number) =>
    eventually(`${count} settled`, async () => (await typesOf(accountId)).filter((t) => ['MessageSent', 'MessageCancelled', 'MessageFailed'].includes(t)).length >= count);

  it('sends a crashed send again under the same Message-ID and records it once: at least once, never silently twice', async () => {
    const { accountId, address } = await openCase();
    // The process "dies" after the SMTP server accepted the email and before MessageSent was stored.
    let crashes = 1;
    const crashing = new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'appendToStream') {
          return (streamId: string, events: Array<{ type: string; data: { channel?: string } }>, options: never) => {
            if (crashes > 0 && events.some((e) => e.type === 'MessageSent' && e.data.channel === 'email')) {
              crashes -= 1;
              return Promise.reject(new Error('process died'));
            }
            return target.appendToStream(streamId, events as never, options);
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    start({ ...localChannels(), email }, crashing);
    await settled(accountId, 2);

    const mails = smtp.received.filter((m) => m.to.includes(address));
    expect(mails.map((m) => m.headers['message-id'])).toEqual([smtpMessageIdOf(messageIdFor(accountId, 'first-notice', 'email')), smtpMessageIdOf(messageIdFor(accountId, 'first-notice', 'email'))]);
    expect(mails[0].text).toBe(mails[1].text);
    expect((await typesOf(accountId)).filter((t) => t === 'MessageSent')).toHaveLength(2);
    const sent = (await store.readStream(contactStreamId(accountId))).filter((e) => e.type === 'MessageSent').map((e) => (e.data as { channel: string }).channel);
    expect(sent.sort()).toEqual(['email', 'letter']);
  });

  it('sends nothing again when it starts over from the beginning: a settled message stays settled', async () => {
    const { accountId, address } = await openCase();
    const first = start({ ...localChannels(), email });
    await settled(accountId, 2);
    await first.stop();
    await store.save(MESSAGE_DISPATCHER_CHECKPOINT, -1n);

    const letters = localChannels();
    const again = start({ ...letters, email });
    const lastQueued = (await store.readStream(contactStreamId(accountId))).filter((e) => e.type === 'MessageQueued').at(-1)!.globalPosition;
    await eventually('a replay past this case', async () => ((await store.load(MESSAGE_DISPATCHER_CHECKPOINT)) ?? -1n) >= lastQueued);
    await again.stop();
    expect(smtp.received.filter((m) => m.to.includes(address))).toHaveLength(1);
    expect(letters.letter.sent).toEqual([]);
  });

  it('cancels the messages of a case closed before they left, with the rule, sending nothing', async () => {
    const { accountId, address } = await openCase();
    await decide(accountId, { type: 'CloseContactCase', closingCode: 'recalled', now: MONDAY_10_NEW_YORK });
    const channels = localChannels();
    start({ ...channels, email });
    await settled(accountId, 2);
    const cancelled = (await store.readStream(contactStreamId(accountId))).filter((e) => e.type === 'MessageCancelled').map((e) => e.data);
    expect(cancelled).toEqual([
      expect.objectContaining({ channel: 'letter', rule: 'case-closed', version: 1, reason: expect.stringContaining('recalled') }),
      expect.objectContaining({ channel: 'email', rule: 'case-closed', version: 1 }),
    ]);
    expect(smtp.received.filter((m) => m.to.includes(address))).toEqual([]);
    expect(channels.letter.sent).toEqual([]);
  });

  it('records a message the provider refused on every attempt as failed, with the attempts and the error, and goes on with the next', async () => {
    const { accountId } = await openCase();
    let calls = 0;
    const down: ChannelSender = { send: () => Promise.reject(new Error(`connection refused (${++calls})`)) };
    const channels = localChannels();
    start({ ...channels, email: down });
    await settled(accountId, 2);
    const events = await store.readStream(contactStreamId(accountId));
    expect(events.filter((e) => e.type === 'MessageFailed').map((e) => e.data)).toEqual([expect.objectContaining({ channel: 'email', attempts: 3, error: 'connection refused (3)' })]);
    expect(events.filter((e) => e.type === 'MessageSent').map((e) => (e.data as { channel: string }).channel)).toEqual(['letter']);
  });
});
