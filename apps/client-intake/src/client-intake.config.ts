import { AppConfig, loadConfig } from '@lib/config';

export const CLIENTINTAKE_DEFAULT_PORT = 3001;

export function loadClientIntakeConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig('client-intake', env, { port: CLIENTINTAKE_DEFAULT_PORT });
}
