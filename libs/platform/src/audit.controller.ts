import { Controller, Get, Inject, Type } from '@nestjs/common';
import { asStored, ChainVerdict, RecordedEvent, verifyChain } from '@lib/es-core';
import type { EventStore } from '@lib/event-store';
import { QueryEndpoint, UuidParam } from './http/endpoints';
import { SERVICE_DEPENDENCIES } from './service-dependencies';

/** A stored event as JSON carries it: the global position (a bigint) as a decimal string. */
export type AuditedEvent = Omit<RecordedEvent, 'globalPosition'> & { globalPosition: string };

export interface AccountStreams {
  service: string;
  streams: Array<{ streamId: string; events: AuditedEvent[]; integrity: ChainVerdict }>;
}

/** Reads a service's own streams of one account and verifies their hash chains. */
export async function readAccountStreams(service: string, store: EventStore, streamIds: string[]): Promise<AccountStreams> {
  const streams = await Promise.all(
    streamIds.map(async (streamId) => {
      const events = await store.readStream(streamId);
      const audited = events.map((event) => ({ ...asStored(event), globalPosition: event.globalPosition.toString() }));
      return { streamId, events: audited, integrity: verifyChain(streamId, events) };
    }),
  );
  return { service, streams: streams.filter((s) => s.events.length > 0) };
}

/** One stream of an account as its integrity check needs it: how many events, and the chain's verdict. */
export interface VerifiedAccountStream {
  streamId: string;
  events: number;
  integrity: ChainVerdict;
}

/**
 * What `readAccountStreams` finds, without the events: the same reads and the same
 * verification, for a caller that keeps only the counts and verdicts (reporting's
 * integrity check on a store in its own process), so no copy of every event is made.
 */
export async function verifyAccountStreams(store: EventStore, streamIds: string[]): Promise<VerifiedAccountStream[]> {
  const streams = await Promise.all(
    streamIds.map(async (streamId) => {
      const events = await store.readStream(streamId);
      return { streamId, events: events.length, integrity: verifyChain(streamId, events) };
    }),
  );
  return streams.filter((stream) => stream.events > 0);
}

/**
 * `GET /audit/<service>/accounts/:accountId`: the service's stored events of an account,
 * exactly as stored (hash-chain links included), with the verdict of its integrity check.
 * Compliance only; read-only. Reporting gathers these from every service.
 */
export function auditController(service: string, streamIdsOf: (accountId: string) => string[]): Type<unknown> {
  @Controller(`audit/${service}`)
  class ServiceAuditController {
    constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: { eventStore: EventStore }) {}

    @Get('accounts/:accountId')
    @QueryEndpoint({ roles: ['compliance'], tag: 'audit', uuidParams: ['accountId'], description: `${service}'s streams of the account, with their integrity verdicts.` })
    async account(@UuidParam('accountId') accountId: string): Promise<AccountStreams> {
      return readAccountStreams(service, this.deps.eventStore, streamIdsOf(accountId));
    }
  }
  return ServiceAuditController;
}
