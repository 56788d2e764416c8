import { aggregateStream, CommandContext, handleCommand, Principal, RecordedEvent } from '@lib/es-core';
import type { CheckpointStore, EventStore, EventStoreSubscription } from '@lib/event-store';
import { CommunicationsCommand, communicationsDecider, judgeDispatch } from '../../domain/communications/communications.decider';
import type { MessageChannels } from '../../domain/communications/communications.port';
import type { MessageQueued } from '../../domain/communications/message.events';
import { renderMessage } from './render-message';

/** A provider's answer that no retry will change (the channel is switched off, the address is refused). */
export class PermanentSendError extends Error {}

export interface MessageDispatcherOptions {
  store: EventStore & CheckpointStore;
  channels: MessageChannels;
  now: () => Date;
  newId: () => string;
  /** Attempts per message before it is recorded as failed (default 3). */
  maxAttempts?: number;
  /** Pause after the first failed attempt, doubled after each (default 500 ms). */
  retryDelayMs?: number;
  /** Pause before the subscription starts again after the store failed (default 2 s). */
  restartDelayMs?: number;
  log?: (line: Record<string, unknown>) => void;
}

export const MESSAGE_DISPATCHER_CHECKPOINT = 'debtor-contact-messages';
const DISPATCHER: Principal = { role: 'system', id: 'communications' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends what the contact cases decided to send, in three steps: the decision is an event
 * (`MessageQueued`, appended with the decision that caused it), the port sends, and the
 * outcome is an event (`MessageSent`, `MessageCancelled` when a rule now forbids it,
 * `MessageFailed` after the last attempt). It follows the service's own store from a
 * checkpoint saved after each message is settled, and re-reads the case before sending, so
 * a settled message is never sent again. A crash after the port accepted a message and
 * before `MessageSent` was appended sends it once more on restart, under the same message
 * id (and SMTP Message-ID): delivery is at least once, and the repeat is recognisable.
 */
export class MessageDispatcher {
  private subscription: EventStoreSubscription | undefined;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: MessageDispatcherOptions) {}

  async start(): Promise<void> {
    this.stopped = false;
    const after = (await this.options.store.load(MESSAGE_DISPATCHER_CHECKPOINT)) ?? undefined;
    this.subscription = this.options.store.subscribeToAll({
      ...(after !== undefined ? { after } : {}),
      onEvent: (event) => this.onEvent(event),
      onError: (error) => this.restartAfter(error),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.subscription?.close();
    this.subscription = undefined;
  }

  private restartAfter(error: unknown): void {
    this.log({ level: 'error', msg: 'message dispatcher stopped; restarting', error: error instanceof Error ? error.message : String(error) });
    if (this.stopped) return;
    this.restartTimer = setTimeout(() => void this.start().catch((e) => this.restartAfter(e)), this.options.restartDelayMs ?? 2_000);
  }

  private async onEvent(event: RecordedEvent): Promise<void> {
    if (event.type !== 'MessageQueued') return;
    await this.dispatch(event as RecordedEvent<MessageQueued>);
    await this.options.store.save(MESSAGE_DISPATCHER_CHECKPOINT, event.globalPosition);
  }

  /** One queued message: judged again, sent, and its outcome recorded; nothing when it is already settled. */
  async dispatch(queued: RecordedEvent<MessageQueued>): Promise<void> {
    const { messageId } = queued.data;
    const { state, version } = await aggregateStream(this.options.store, communicationsDecider, queued.streamId);
    const verdict = judgeDispatch(state, messageId, this.options.now());
    if (verdict.action === 'none') return;
    if (verdict.action === 'cancel') {
      await this.record(queued, { type: 'CancelMessage', messageId, ...verdict.denial, now: this.options.now() });
      return;
    }
    const rendered = await renderMessage(verdict.message);
    const maxAttempts = this.options.maxAttempts ?? 3;
    let lastError = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        const { providerMessageId } = await this.options.channels[rendered.channel].send({ ...rendered, sentAt: this.options.now() });
        await this.record(queued, { type: 'RecordMessageSent', messageId, contentSha256: rendered.contentSha256, providerMessageId, compliance: verdict.compliance, judgedAtVersion: version, now: this.options.now() });
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        this.log({ level: 'warn', msg: 'message not sent', messageId, channel: rendered.channel, attempt, error: lastError });
        if (error instanceof PermanentSendError) {
          await this.record(queued, { type: 'RecordMessageFailed', messageId, error: lastError, attempts: attempt, now: this.options.now() });
          return;
        }
        if (attempt < maxAttempts) await sleep((this.options.retryDelayMs ?? 500) * 2 ** (attempt - 1));
      }
    }
    await this.record(queued, { type: 'RecordMessageFailed', messageId, error: lastError.slice(0, 500), attempts: maxAttempts, now: this.options.now() });
  }

  private async record(queued: RecordedEvent<MessageQueued>, command: CommunicationsCommand): Promise<void> {
    const context: CommandContext = {
      principal: DISPATCHER,
      correlationId: queued.metadata.correlationId,
      causationId: queued.metadata.eventId,
      now: this.options.now(),
      newId: this.options.newId,
    };
    const outcome = await handleCommand(this.options.store, communicationsDecider, queued.streamId, command, context);
    if (outcome.outcome === 'rejected') throw new Error(`message ${queued.data.messageId}: ${outcome.rejection.rule}`);
  }

  private log(line: Record<string, unknown>): void {
    (this.options.log ?? ((l) => process.stderr.write(`${JSON.stringify({ component: 'message-dispatcher', ...l })}\n`)))(line);
  }
}
