import type { MessageBus } from '@lib/message-bus';

/**
 * Tells relays on an in-process bus when everything published so far has been handled by
 * every consumer of the process, so they can save a "consumed" position that survives a
 * crash (see `relayStart`). Each service's runtime reports its consumer group once it has
 * subscribed; until every service named at creation has, nothing counts as consumed (a
 * group not subscribed yet would otherwise be skipped). Consumed means: no registered
 * group has a message left uncommitted on the topics it reads (`MessageBus.lag`), and a
 * message is committed only once its handler stored its effect.
 */
export class ConsumptionTracker {
  private readonly groups = new Map<string, readonly string[]>();

  constructor(
    private readonly bus: MessageBus,
    private readonly services: readonly string[],
  ) {}

  /** `service`'s consumer group (named after the service) now reads `topics` (none: it consumes nothing). */
  subscribed(service: string, topics: readonly string[]): void {
    this.groups.set(service, [...topics]);
  }

  /** True when every service has subscribed and no group has anything left to handle. */
  async allConsumed(): Promise<boolean> {
    if (this.services.some((service) => !this.groups.has(service))) return false;
    for (const [group, topics] of this.groups) {
      if (topics.length > 0 && (await this.bus.lag(group, topics)) > 0) return false;
    }
    return true;
  }
}

const trackers = new WeakMap<MessageBus, ConsumptionTracker>();

/**
 * Attaches a tracker to the process's bus, where each service runtime finds it
 * (`consumptionTrackerOf`) without every service module having to pass it along.
 */
export function trackConsumption(bus: MessageBus, services: readonly string[]): ConsumptionTracker {
  const tracker = new ConsumptionTracker(bus, services);
  trackers.set(bus, tracker);
  return tracker;
}

/** The tracker attached to `bus`, if the process asked for one. */
export function consumptionTrackerOf(bus: MessageBus): ConsumptionTracker | undefined {
  return trackers.get(bus);
}
