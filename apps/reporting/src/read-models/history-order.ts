/** What putting an account's history in order needs to know of each event. */
export interface HistoryLink {
  eventId: string;
  causationId: string;
  service: string;
  streamId: string;
  version: number;
}

/**
 * Puts an account's history in an order a reader can follow: no event before the event
 * that caused it, no event before an earlier version of its own stream, and otherwise
 * the order given (time, then service, stream and version).
 *
 * Time alone cannot do this. Events of different services are stamped by different
 * clocks: a frozen test clock gives cause and effect the same instant, and a host whose
 * clock runs behind stamps an effect before its cause. Causation is recorded, so it is
 * used: a topological sort of "cause before effect" and "stream order", taking among the
 * events free to come next the one first in the given order.
 *
 * An event's cause is the listed event whose id is its causation id, or, for an event a
 * service stored on receiving a message, the event that published the message: message
 * ids are `<eventId>:<contract type>` (`integrationMessage` in `@lib/integration`) and
 * the receiving side records the message id as the causation.
 *
 * Never drops an event: should the links form a cycle (only corrupt data could), the
 * first waiting event in the given order is taken next.
 */
export function inCausalOrder<Entry extends HistoryLink>(given: readonly Entry[]): Entry[] {
  const successors: number[][] = given.map(() => []);
  const waitingFor: number[] = given.map(() => 0);
  const link = (before: number | undefined, after: number): void => {
    if (before === undefined || before === after) return;
    successors[before].push(after);
    waitingFor[after] += 1;
  };

  const positionOf = new Map<string, number>();
  given.forEach((entry, position) => {
    if (!positionOf.has(entry.eventId)) positionOf.set(entry.eventId, position);
  });
  given.forEach((entry, position) => link(causeOf(entry.causationId, positionOf), position));

  const streams = new Map<string, number[]>();
  given.forEach((entry, position) => {
    const key = `${entry.service}\u0000${entry.streamId}`;
    const positions = streams.get(key);
    if (positions) positions.push(position);
    else streams.set(key, [position]);
  });
  for (const positions of streams.values()) {
    positions.sort((a, b) => given[a].version - given[b].version);
    positions.slice(1).forEach((position, i) => link(positions[i], position));
  }

  // Positions free to come next, kept sorted so the first in the given order is taken.
  const ready = given.map((_, position) => position).filter((position) => waitingFor[position] === 0);
  const placed: boolean[] = given.map(() => false);
  const ordered: Entry[] = [];
  let firstUnplaced = 0;
  while (ordered.length < given.length) {
    while (placed[firstUnplaced]) firstUnplaced += 1;
    const next = ready.shift() ?? firstUnplaced;
    if (placed[next]) continue;
    placed[next] = true;
    ordered.push(given[next]);
    for (const successor of successors[next]) {
      waitingFor[successor] -= 1;
      if (waitingFor[successor] === 0 && !placed[successor]) ready.splice(insertionPoint(ready, successor), 0, successor);
    }
  }
  return ordered;
}

function causeOf(causationId: string, positionOf: ReadonlyMap<string, number>): number | undefined {
  const direct = positionOf.get(causationId);
  if (direct !== undefined) return direct;
  const typeSeparator = causationId.lastIndexOf(':');
  return typeSeparator > 0 ? positionOf.get(causationId.slice(0, typeSeparator)) : undefined;
}

/** Where `value` goes in the ascending `sorted`. */
function insertionPoint(sorted: readonly number[], value: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
