import { randomUUID } from 'node:crypto';
import { systemClock } from '@lib/clock';
import type { ProcessContext } from '@lib/platform';
import { personalLink } from './application/issue-portal-link/personal-link';
import { linkSigningOf } from './portal.config';

/**
 * The personal links another service prints (debtor contact's letters and emails), signed
 * as the portal signs them; undefined where the process has no link secret to sign with.
 */
export function personalLinksFor(processContext: Pick<ProcessContext, 'config'>): { linkFor(accountId: string): string } | undefined {
  const signing = linkSigningOf(processContext.config, process.env);
  if (!signing) return undefined;
  const deps = { ...signing, wallClock: systemClock };
  return { linkFor: (accountId) => personalLink(deps, accountId, randomUUID()).url };
}
