import type { MessageBus } from '@lib/message-bus';

/**
 * Namespaces every topic of a bus (e.g. one prefix per test run on a shared Kafka).
 * Services keep using the logical names of `@lib/contracts`.
 */
export function withTopicPrefix(bus: MessageBus, prefix: string): MessageBus {
  if (!prefix) return bus;
  const strip = (topic: string) => (topic.startsWith(prefix) ? topic.slice(prefix.length) : topic);
  return {
    publish: (messages) => bus.publish(messages.map((m) => ({ ...m, topic: prefix + m.topic }))),
    ensureTopics: (topics) => bus.ensureTopics(topics.map((t) => prefix + t)),
    subscribe: (options) =>
      bus.subscribe({
        ...options,
        groupId: prefix + options.groupId,
        topics: options.topics.map((t) => prefix + t),
        handler: (message) => options.handler({ ...message, topic: strip(message.topic) }),
      }),
    resetGroup: (groupId) => bus.resetGroup(prefix + groupId),
    ping: () => bus.ping(),
    lag: (groupId, topics) => bus.lag(prefix + groupId, topics.map((t) => prefix + t)),
    close: () => bus.close(),
  };
}
