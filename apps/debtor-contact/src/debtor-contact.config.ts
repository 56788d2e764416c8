import { AppConfig, loadConfig } from '@lib/config';

export const DEBTORCONTACT_DEFAULT_PORT = 3002;

export function loadDebtorContactConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig('debtor-contact', env, { port: DEBTORCONTACT_DEFAULT_PORT });
}
