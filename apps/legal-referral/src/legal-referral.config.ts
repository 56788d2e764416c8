import { AppConfig, loadConfig } from '@lib/config';

export const LEGALREFERRAL_DEFAULT_PORT = 3004;

export function loadLegalReferralConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig('legal-referral', env, { port: LEGALREFERRAL_DEFAULT_PORT });
}
