import type { SourceAnswer, VerifiedStream } from './audit-sources';

export interface IntegrityReport {
  accountId: string;
  /** True only when every service was reached and every chain verified. */
  ok: boolean;
  services: Array<{ service: string; streams: VerifiedStream[] }>;
  /** The first broken link, services in their fixed order, streams in their service's order. */
  firstBroken?: { service: string; streamId: string; version: number; eventId: string; reason: string };
  /** Services whose streams could not be read: nothing about them is verified. */
  unreachable?: string[];
  unreachableReasons?: Record<string, string>;
}

/** Folds the services' answers into one verdict; an unreached service is never counted as intact. */
export function integrityReport(accountId: string, answers: readonly SourceAnswer[]): IntegrityReport {
  const services: IntegrityReport['services'] = [];
  const unreachable: string[] = [];
  const unreachableReasons: Record<string, string> = {};
  let firstBroken: IntegrityReport['firstBroken'];
  for (const answer of answers) {
    if (!answer.reached) {
      unreachable.push(answer.service);
      unreachableReasons[answer.service] = answer.reason;
      continue;
    }
    services.push({ service: answer.service, streams: answer.streams });
    for (const stream of answer.streams) {
      if (!firstBroken && !stream.integrity.ok) {
        firstBroken = { service: answer.service, streamId: stream.streamId, ...stream.integrity.brokenAt };
      }
    }
  }
  return {
    accountId,
    ok: !firstBroken && unreachable.length === 0,
    services,
    ...(firstBroken ? { firstBroken } : {}),
    ...(unreachable.length > 0 ? { unreachable, unreachableReasons } : {}),
  };
}
