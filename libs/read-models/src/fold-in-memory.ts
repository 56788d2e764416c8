import { foldDocument, groupByDocument, StoredDocument, toPublic } from './fold';
import { ProjectedEvent, Projection } from './read-model-store.port';

/**
 * Folds `events` into documents held in memory, through the same `fold.ts` every store
 * uses (version guard per source stream included), and returns the live documents by id
 * as a query would (`_id` and the projection's fields). For state rebuilt on demand, e.g.
 * a report as it stood at a past instant: fold the events recorded up to it with the
 * projection the live read model uses, and nothing else can differ.
 */
export function foldInMemory<Doc extends object>(projection: Projection<Doc>, events: readonly ProjectedEvent[]): Map<string, Doc & { _id: string }> {
  const stored = new Map<string, StoredDocument>();
  for (const [id, documentEvents] of groupByDocument(projection, events)) {
    const next = foldDocument(projection, id, null, documentEvents);
    if (next) stored.set(id, next);
  }
  const documents = new Map<string, Doc & { _id: string }>();
  for (const [id, document] of stored) if (!document._deleted) documents.set(id, toPublic<Doc & { _id: string }>(document));
  return documents;
}
