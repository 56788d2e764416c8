import { CommandContext, RecordedEvent } from '@lib/es-core';
import { AUDIT_EVENTS, Contract, ContractViolation, newestTypeOf, upcastMessage } from '@lib/contracts';
import { type DurableScheduler, withLogContext } from '@lib/scheduler';
import type { CheckpointStore, EventStore } from '@lib/event-store';
import { type BusSubscription, DEFAULT_MAX_ATTEMPTS, InProcessMessageBus, type IncomingMessage, type MessageBus, type OutgoingMessage } from '@lib/message-bus';
import { consumptionTrackerOf } from './consumption-tracker';
import { RELAYED, subscribeEffectivelyOnce } from './idempotent-consumer';
import { auditMessage } from './messages';
import { Relay } from './relay';
import { processForeground } from './foreground-work';

/**
 * Handles one integration event type; `data` is already validated against its contract.
 * Either `command` (the message becomes a command, dispatched on the service's command
 * bus with the message's context) or `handle` (the message is applied directly). A
 * handler (or the dispatch) may return the outcome of the command it ran: a refusal
 * (`{ outcome: 'rejected', rejection: { rule } }`) is then counted as refused, with its rule.
 */
export interface Inbound<Data = any> {
  contract: Contract<Data>;
  handle?: (data: Data, context: CommandContext, message: IncomingMessage) => Promise<unknown>;
  /** The command the message asks for, or nothing when this message needs no effect here. */
  command?: (data: Data, context: CommandContext, message: IncomingMessage) => object | undefined;
}

/** One message of a batch, as a `BatchInbound` gets it: its contract, validated data and context. */
export interface InboundItem<Data = any> {
  contract: Contract<Data>;
  data: Data;
  context: CommandContext;
  message: IncomingMessage;
}

/**
 * Handles the messages of several contracts a batch at a time: the service then consumes
 * in batches (the bus's `batchHandler`), and gets, per batch, the messages of these
 * contracts in delivery order (per key: publish order). For effects whose cost is per
 * round trip, not per message: read-model projections, where one `apply` of many events
 * costs about what one of a single event costs.
 *
 * Declaring one says its effects do not depend on their order relative to the messages
 * other inbounds of the service handle (a projection writes only its own collections):
 * the runtime hands each inbound its share of a batch, concurrently. The batch is
 * committed once every share resolved; if one throws, the whole batch is delivered again
 * (then, after the bus's attempts, one message at a time), so `handleBatch` must be a
 * no-op for what it already applied, as every inbound handler must.
 */
export interface BatchInbound {
  contracts: readonly Contract<any>[];
  handleBatch: (items: readonly InboundItem[]) => Promise<void>;
}

/** Messages of `contracts` reach `handleBatch` a batch at a time (see `BatchInbound`). */
export function onBatch(contracts: readonly Contract<any>[], handleBatch: BatchInbound['handleBatch']): BatchInbound {
  return { contracts, handleBatch };
}

/** Most messages per batch a service with batch inbounds gets, unless it says otherwise. */
export const DEFAULT_INBOUND_BATCH_SIZE = 100;

/**
 * Runs an inbound message's command. It resolves when the effect is stored (or the
 * command was refused: a refusal is the domain's answer to the message, not a failure to
 * retry; it resolves with the refused outcome), and rejects only when the message must be
 * delivered again.
 */
export type CommandDispatch = (command: object) => Promise<unknown>;

/** A received message's type and payload -> the newest version's; `newestTypeOf` names it without the work. */
export interface InboundUpcaster {
  newestTypeOf(type: string): string;
  upcast(type: string, value: unknown): { type: string; value: unknown };
}

const publishedLanguageUpcaster: InboundUpcaster = { newestTypeOf, upcast: upcastMessage };

/** How an inbound message ended: applied, refused by a rule (and committed), or failed (to be retried). */
export type MessageOutcome = 'accepted' | 'refused' | 'failed';

/** Counts of inbound messages by type, outcome and refusal rule, since the process started. */
export interface MessageCount {
  type: string;
  outcome: MessageOutcome;
  rule: string;
  count: number;
}

export function on<Data>(contract: Contract<Data>, handle: NonNullable<Inbound<Data>['handle']>): Inbound<Data> {
  return { contract, handle };
}

/** A message of `contract` becomes the command `command` returns, dispatched like an HTTP one. */
export function commandOn<Data>(contract: Contract<Data>, command: NonNullable<Inbound<Data>['command']>): Inbound<Data> {
  return { contract, command };
}

export interface ServiceRuntimeOptions {
  service: string;
  store: EventStore & CheckpointStore;
  bus: MessageBus;
  /** Domain event -> the integration messages it publishes (the audit copy is added here). */
  gateway: (event: RecordedEvent) => OutgoingMessage[];
  /** The account a stream belongs to, if any (for the audit trail). */
  accountIdOf: (streamId: string) => string | undefined;
  /** Per-message handlers (`on`, `commandOn`) and batch ones (`onBatch`). */
  inbound?: Array<Inbound | BatchInbound>;
  /** Most messages per batch when some inbound is a `BatchInbound`. Default `DEFAULT_INBOUND_BATCH_SIZE`. */
  inboundBatchSize?: number;
  scheduler?: DurableScheduler;
  now: () => Date;
  newId: () => string;
  /** Topics this service publishes to (created at start). */
  publishes: string[];
  /**
   * Longest wait between two relay rounds when no wake-up came (default
   * `DEFAULT_FALLBACK_INTERVAL_MS`, 1 s): the relay runs when the store signals a commit.
   */
  relayIntervalMs?: number;
  schedulerIntervalMs?: number;
  /**
   * What else the service needs to be ready, by name, each a check that rejects with
   * why it is not (e.g. `{ 'read-models': () => readModels.ping() }`).
   */
  probes?: Record<string, () => Promise<void>>;
  /**
   * The inbound upcasting hook: brings a received message of a superseded version to the
   * version the handlers take (validating it on the way). Defaults to the published
   * language's upcasters (`upcastMessage` of `@lib/contracts`).
   */
  upcastInbound?: InboundUpcaster;
}

/** The name under which a service's relay keeps its checkpoint. */
export const relayCheckpointName = (service: string): string => `${service}-relay`;

/** The name under which a service's relay keeps the last position every consumer had handled (see `Relay`'s `consumed`). */
export const relayConsumedCheckpointName = (service: string): string => `${relayCheckpointName(service)}-consumed`;

/**
 * The moving parts of one service besides its HTTP API: the relay that publishes what the
 * service stored, the consumer of what other services published, and the scheduler.
 * Started after the app boots, stopped (in-flight work finished) before it exits.
 */
export class ServiceRuntime {
  readonly relay: Relay;
  private subscription: BusSubscription | undefined;
  private topics: string[] = [];
  private readonly messageCounts = new Map<string, MessageCount>();
  private readonly deadLetterCounts = new Map<string, number>();

  constructor(private readonly options: ServiceRuntimeOptions) {
    // Set by the process when its bus forgets on a crash (see `rewindRelaysOnStart`).
    const tracker = consumptionTrackerOf(options.bus);
    this.relay = new Relay({
      consumed: tracker && { name: relayConsumedCheckpointName(options.service), allConsumed: () => tracker.allConsumed() },
      // Consumers in this process (an in-process bus): they wait while its foreground work runs.
      waitForTurn: options.bus instanceof InProcessMessageBus ? () => processForeground.whenIdle() : undefined,
      name: relayCheckpointName(options.service),
      store: options.store,
      checkpoints: options.store,
      bus: options.bus,
      gateway: (event) => {
        const accountId = options.accountIdOf(event.streamId);
        const audit = accountId ? [auditMessage(options.service, event, accountId)] : [];
        return [...options.gateway(event), ...audit];
      },
    });
  }

  get service(): string {
    return this.options.service;
  }

  get store(): EventStore & CheckpointStore {
    return this.options.store;
  }

  get bus(): MessageBus {
    return this.options.bus;
  }

  get scheduler(): DurableScheduler | undefined {
    return this.options.scheduler;
  }

  get probes(): Record<string, () => Promise<void>> {
    return this.options.probes ?? {};
  }

  /** Inbound messages handled so far, by type, outcome and rule. */
  inboundCounts(): MessageCount[] {
    return [...this.messageCounts.values()].map((count) => ({ ...count }));
  }

  /** Messages this service gave up on after their last attempt (sent to `<topic>.dead-letter`), by topic. */
  deadLetters(): Array<{ topic: string; count: number }> {
    return [...this.deadLetterCounts].map(([topic, count]) => ({ topic, count }));
  }

  /** Messages on the topics this service consumes that its group has not committed yet; undefined if it consumes none. */
  async consumerLag(): Promise<number | undefined> {
    if (this.topics.length === 0) return undefined;
    return this.options.bus.lag(this.options.service, this.topics);
  }

  /** `dispatch` runs the commands of `commandOn` handlers (the service's command bus). */
  async start(dispatch?: CommandDispatch): Promise<void> {
    const { bus, inbound = [], service, upcastInbound: upcaster = publishedLanguageUpcaster } = this.options;
    await bus.ensureTopics([...new Set([...this.options.publishes, AUDIT_EVENTS])]);
    if (inbound.length > 0) {
      const routes = routesOf(inbound);
      const byType = new Map([...routes].map(([type, route]) => [type, route.kind === 'one' ? route.inbound : asSingle(route.inbound, route.contract)]));
      const batched = inbound.some(isBatchInbound);
      const topics = [...new Set([...routes.values()].map((route) => route.contract.topic))];
      await bus.ensureTopics(topics);
      this.topics = topics;
      this.subscription = await subscribeEffectivelyOnce(bus, {
        groupId: service,
        topics,
        now: this.options.now,
        newId: this.options.newId,
        maxAttempts: DEFAULT_MAX_ATTEMPTS,
        // A handler that fails while the store or a probed dependency (reporting's read
        // models) is down is waiting on an outage: dead-lettering it would lose its effect.
        dependenciesDown: () => this.dependenciesDown(),
        handle: async (message, context) => {
          const type = message.headers['message-type'];
          const handler = byType.get(upcaster.newestTypeOf(type));
          if (!handler) return; // a topic carries types this service does not need
          const logContext = {
            correlationId: context.correlationId,
            principal: RELAYED,
            origin: { role: message.headers['principal-role'], id: message.headers['principal-id'] },
            consumer: service,
            messageId: message.headers['message-id'],
            messageType: type,
            attempt: message.attempt,
          };
          await withLogContext(logContext, async () => {
            try {
              // An older version is upcast first; the handler only ever sees the version it declares.
              const data = handler.contract.parse(upcaster.upcast(type, message.value).value);
              const outcome = await this.apply(handler, data, context, message, dispatch);
              const rule = refusalRuleOf(outcome);
              this.count(type, rule === undefined ? 'accepted' : 'refused', rule ?? '');
            } catch (error) {
              this.count(type, 'failed', '');
              if (message.attempt >= DEFAULT_MAX_ATTEMPTS) this.deadLetterCounts.set(message.topic, (this.deadLetterCounts.get(message.topic) ?? 0) + 1);
              throw error;
            }
          });
        },
        ...(batched && {
          maxBatchSize: this.options.inboundBatchSize ?? DEFAULT_INBOUND_BATCH_SIZE,
          handleBatch: (messages) => this.handleBatch(routes, messages, dispatch),
        }),
      });
    }
    consumptionTrackerOf(bus)?.subscribed(service, this.topics);
    this.relay.start(this.options.relayIntervalMs);
    this.options.scheduler?.start(this.options.schedulerIntervalMs ?? 1000);
  }

  /**
   * A batch: each message validated (one that is not fails the batch, and the bus's
   * one-at-a-time fallback dead-letters it alone), each batch inbound given its share in
   * order, concurrently with the others and with the per-message handlers, which take
   * theirs one after another. Every share settles before the batch resolves or throws,
   * so a retry never overlaps writes of the attempt before it.
   */
  private async handleBatch(
    routes: Map<string, Route>,
    messages: ReadonlyArray<{ message: IncomingMessage; context: CommandContext }>,
    dispatch: CommandDispatch | undefined,
  ): Promise<void> {
    const upcaster = this.options.upcastInbound ?? publishedLanguageUpcaster;
    const shares = new Map<BatchInbound, InboundItem[]>();
    const singles: Array<{ handler: Inbound; data: unknown; context: CommandContext; message: IncomingMessage }> = [];
    // Counted once the batch resolved: a batch that throws is delivered again and counted then.
    const outcomes: Array<{ type: string; rule: string | undefined }> = [];
    for (const { message, context } of messages) {
      const type = message.headers['message-type'];
      const route = routes.get(upcaster.newestTypeOf(type));
      if (!route) continue;
      const data = route.contract.parse(upcaster.upcast(type, message.value).value);
      if (route.kind === 'one') {
        singles.push({ handler: route.inbound, data, context, message });
        continue;
      }
      const share = shares.get(route.inbound) ?? [];
      share.push({ contract: route.contract, data, context, message });
      shares.set(route.inbound, share);
      outcomes.push({ type, rule: undefined });
    }
    const logContext = { principal: RELAYED, consumer: this.options.service, batch: messages.length, correlationId: messages[0]?.context.correlationId };
    await withLogContext(logContext, async () => {
      const runSingles = async (): Promise<void> => {
        for (const single of singles) {
          const rule = refusalRuleOf(await this.apply(single.handler, single.data, single.context, single.message, dispatch));
          outcomes.push({ type: single.message.headers['message-type'], rule });
        }
      };
      const settled = await Promise.allSettled([...[...shares].map(([inbound, items]) => inbound.handleBatch(items)), runSingles()]);
      const failure = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failure) throw failure.reason;
    });
    for (const { type, rule } of outcomes) this.count(type, rule === undefined ? 'accepted' : 'refused', rule ?? '');
  }

  /** True when the event store or one of the service's probes does not answer within 2 s. */
  private async dependenciesDown(): Promise<boolean> {
    const checks = [() => this.options.store.ping(), ...Object.values(this.probes)];
    const answers = await Promise.allSettled(checks.map((check) => withinMs(Promise.resolve().then(check), 2_000)));
    return answers.some((answer) => answer.status === 'rejected');
  }

  private async apply(handler: Inbound, data: unknown, context: CommandContext, message: IncomingMessage, dispatch: CommandDispatch | undefined): Promise<unknown> {
    if (handler.handle) return handler.handle(data, context, message);
    const command = handler.command?.(data, context, message);
    if (!command) return undefined;
    if (!dispatch) throw new Error(`service ${this.options.service}: no command dispatch for ${handler.contract.type}`);
    return dispatch(command);
  }

  private count(type: string, outcome: MessageOutcome, rule: string): void {
    const key = `${type}\u0000${outcome}\u0000${rule}`;
    const entry = this.messageCounts.get(key) ?? { type, outcome, rule, count: 0 };
    entry.count += 1;
    this.messageCounts.set(key, entry);
  }

  /**
   * Stops the consumer, the scheduler, then the relay, each after its in-flight work.
   * Each part stops even if an earlier one failed to: a consumer that would not close
   * must not leave the relay running. The failures are thrown together once every part
   * had its turn.
   */
  async stop(): Promise<void> {
    const parts: Array<() => Promise<void> | undefined> = [
      () => this.subscription?.close(),
      () => this.options.scheduler?.stop(),
      () => this.relay.stop(),
    ];
    const failures: unknown[] = [];
    for (const stop of parts) {
      try {
        await stop();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `service ${this.options.service}: ${failures.length} part(s) failed to stop`);
  }
}

/** Where a message type goes: a per-message inbound, or its share of a batch inbound's. */
type Route = { kind: 'one'; contract: Contract<any>; inbound: Inbound } | { kind: 'batch'; contract: Contract<any>; inbound: BatchInbound };

function isBatchInbound(inbound: Inbound | BatchInbound): inbound is BatchInbound {
  return 'handleBatch' in inbound;
}

function routesOf(inbound: ReadonlyArray<Inbound | BatchInbound>): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const entry of inbound) {
    if (isBatchInbound(entry)) for (const contract of entry.contracts) routes.set(contract.type, { kind: 'batch', contract, inbound: entry });
    else routes.set(entry.contract.type, { kind: 'one', contract: entry.contract, inbound: entry });
  }
  return routes;
}

/** A batch inbound's handling of one message: how the bus's one-at-a-time fallback reaches it. */
function asSingle(inbound: BatchInbound, contract: Contract<any>): Inbound {
  return { contract, handle: async (data, context, message) => inbound.handleBatch([{ contract, data, context, message }]) };
}

/** The rule of a refused command outcome (`handleCommand`'s `{ outcome: 'rejected', rejection: { rule } }`), if that is what a handler returned. */
function refusalRuleOf(outcome: unknown): string | undefined {
  const candidate = outcome as { outcome?: unknown; rejection?: { rule?: unknown } } | null | undefined;
  return candidate?.outcome === 'rejected' && typeof candidate.rejection?.rule === 'string' ? candidate.rejection.rule : undefined;
}

export { ContractViolation };

function withinMs<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
