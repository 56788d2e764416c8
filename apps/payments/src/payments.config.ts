import { AppConfig, loadConfig } from '@lib/config';

export const PAYMENTS_DEFAULT_PORT = 3003;

export function loadPaymentsConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig('payments', env, { port: PAYMENTS_DEFAULT_PORT });
}
