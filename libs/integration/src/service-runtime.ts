import { CommandContext, RecordedEvent } from '@lib/es-core';
import { AUDIT_EVENTS, Contract, ContractViolation, newestTypeOf, upcastMessage } from '@lib/contracts';
import type { DurableScheduler } from '@lib/scheduler';
import type { CheckpointStore, EventStore } from '@lib/event-store';
import type { BusSubscription, IncomingMessage, MessageBus, OutgoingMessage } from '@lib/message-bus';
import { subscribeEffectivelyOnce } from './idempotent-consumer';
import { auditMessage } from './messages';
import { Relay } from './relay';

/**
 * Handles one integration event type; `data` is already validated against its contract.
 * Either `command` (the message becomes a command, dispatched on the service's command
 * bus with the message's context) or `handle` (the message is applied directly).
 */
export interface Inbound<Data = any> {
  contract: Contract<Data>;
  handle?: (data: Data, context: CommandContext, message: IncomingMessage) => Promise<void>;
  /** The command the message asks for, or nothing when this message needs no effect here. */
  command?: (data: Data, context: CommandContext, message: IncomingMessage) => object | undefined;
}

export function on<Data>(contract: Contract<Data>, handle: NonNullable<Inbound<Data>['handle']>): Inbound<Data> {
  return { contract, handle };
}

/** A message of `contract` becomes the command `command` returns, dispatched like an HTTP one. */
export function commandOn<Data>(contract: Contract<Data>, command: NonNullable<Inbound<Data>['command']>): Inbound<Data> {
  return { contract, command };
}

/**
 * Runs an inbound message's command. It resolves when the effect is stored (or the
 * command was refused: a refusal is the domain's answer to the message, not a failure to
 * retry), and rejects only when the message must be delivered again.
 */
export type CommandDispatch = (command: object) => Promise<unknown>;

export interface ServiceRuntimeOptions {
  service: string;
  store: EventStore & CheckpointStore;
  bus: MessageBus;
  /** Domain event -> the integration messages it publishes (the audit copy is added here). */
  gateway: (event: RecordedEvent) => OutgoingMessage[];
  /** The account a stream belongs to, if any (for the audit trail). */
  accountIdOf: (streamId: string) => string | undefined;
  inbound?: Inbound[];
  scheduler?: DurableScheduler;
  now: () => Date;
  newId: () => string;
  /** Topics this service publishes to (created at start). */
  publishes: string[];
  relayIntervalMs?: number;
  schedulerIntervalMs?: number;
  /**
   * The inbound upcasting hook: brings a received message of a superseded version to the
   * version the handlers take (validating it on the way). Defaults to the published
   * language's upcasters (`upcastMessage` of `@lib/contracts`).
   */
  upcastInbound?: InboundUpcaster;
}

/** A received message's type and payload -> the newest version's; `newestTypeOf` names it without the work. */
export interface InboundUpcaster {
  newestTypeOf(type: string): string;
  upcast(type: string, value: unknown): { type: string; value: unknown };
}

const publishedLanguageUpcaster: InboundUpcaster = { newestTypeOf, upcast: upcastMessage };

/** The name under which a service's relay keeps its checkpoint. */
export const relayCheckpointName = (service: string): string => `${service}-relay`;

/**
 * The moving parts of one service besides its HTTP API: the relay that publishes what the
 * service stored, the consumer of what other services published, and the scheduler.
 * Started after the app boots, stopped (in-flight work finished) before it exits.
 */
export class ServiceRuntime {
  readonly relay: Relay;
  private subscription: BusSubscription | undefined;

  constructor(private readonly options: ServiceRuntimeOptions) {
    this.relay = new Relay({
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

  /** `dispatch` runs the commands of `commandOn` handlers (the service's command bus). */
  async start(dispatch?: CommandDispatch): Promise<void> {
    const { bus, inbound = [], service, upcastInbound: upcaster = publishedLanguageUpcaster } = this.options;
    await bus.ensureTopics([...new Set([...this.options.publishes, AUDIT_EVENTS])]);
    if (inbound.length > 0) {
      const byType = new Map(inbound.map((i) => [i.contract.type, i]));
      const topics = [...new Set(inbound.map((i) => i.contract.topic))];
      await bus.ensureTopics(topics);
      this.subscription = await subscribeEffectivelyOnce(bus, {
        groupId: service,
        topics,
        now: this.options.now,
        newId: this.options.newId,
        handle: async (message, context) => {
          const type = message.headers['message-type'];
          const handler = byType.get(upcaster.newestTypeOf(type));
          if (!handler) return; // a topic carries types this service does not need
          // An older version is upcast first; the handler only ever sees the version it declares.
          const current = upcaster.upcast(type, message.value);
          const data = handler.contract.parse(current.value);
          if (handler.handle) return handler.handle(data, context, message);
          const command = handler.command?.(data, context, message);
          if (!command) return;
          if (!dispatch) throw new Error(`service ${service}: no command dispatch for ${type}`);
          await dispatch(command);
        },
      });
    }
    this.relay.start(this.options.relayIntervalMs ?? 50);
    this.options.scheduler?.start(this.options.schedulerIntervalMs ?? 1000);
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

export { ContractViolation };
