import type { ChainVerdict } from '@lib/es-core';

/** One stream of an account as its service verified it. */
export interface VerifiedStream {
  streamId: string;
  events: number;
  integrity: ChainVerdict;
}

export type SourceAnswer = { service: string; reached: true; streams: VerifiedStream[] } | { service: string; reached: false; reason: string };

/** Where the integrity check reads one service's streams of an account, verified where they are stored. */
export interface AuditSource {
  service: string;
  read(accountId: string, caller: { authorization?: string }): Promise<SourceAnswer>;
}
