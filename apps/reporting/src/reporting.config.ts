import { AppConfig, loadConfig } from '@lib/config';

export const REPORTING_DEFAULT_PORT = 3005;

/** Reporting signs history exports, so it refuses to start without the agency's signing key. */
export function loadReportingConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig('reporting', env, { port: REPORTING_DEFAULT_PORT, requireAgencySigningKey: true });
}
