import { createPublicKey } from 'node:crypto';
import { EmailConfig, emailConfig } from './email-config';

/**
 * One typed, validated configuration per app, read from environment variables.
 * Adapters are chosen here and nowhere else; a missing or wrong variable fails the
 * start with a message naming every problem at once.
 */
export type EventStoreKind = 'postgres' | 'pglite' | 'eventstoredb';
export type MessageBusKind = 'kafka' | 'in-process';
export type ReadModelKind = 'mongo' | 'memory' | 'pglite';

/**
 * Where staff tokens' signing keys come from: a secret every service shares (HS256), or
 * an identity provider's public keys (RS256/ES256), as a JWKS URL or one PEM public key.
 * `issuer`/`audience`, when set, must match the token's `iss`/`aud`.
 */
export type StaffTokenConfig = (
  | { kind: 'secret'; secret: string }
  | { kind: 'jwks'; url: string }
  | { kind: 'public-key'; pem: string }
) & { issuer?: string; audience?: string };

/** Where the agency's export signing key is: the PEM itself, or a file holding it. */
export type AgencySigningKeySource = { pem: string } | { file: string };

/** HS256 keys shorter than the hash (256 bits) weaken it; 32 characters is the floor. */
export const MIN_STAFF_TOKEN_SECRET_LENGTH = 32;

export interface InfrastructureConfig {
  eventStore:
    | { kind: 'postgres'; url: string; schema: string }
    /**
     * `dataDir` undefined: in memory (PGLITE_DATA_DIR=memory), for tests and demos.
     * `sharedBuffers`: PostgreSQL's shared_buffers for the embedded database (PGLITE_SHARED_BUFFERS,
     * e.g. `16MB`); unset, the composition's default applies.
     */
    | { kind: 'pglite'; dataDir: string | undefined; sharedBuffers?: string }
    | { kind: 'eventstoredb'; url: string };
  messageBus: { kind: 'kafka'; brokers: string[]; clientId: string } | { kind: 'in-process' };
  /**
   * `pglite`: JSONB rows in the process's embedded PostgreSQL (the PGlite its event stores
   * use; needs EVENT_STORE=pglite), kept across restarts. `memory`: rebuilt at every start.
   */
  readModels: { kind: 'mongo'; url: string } | { kind: 'memory' } | { kind: 'pglite' };
}

export interface AppConfig extends InfrastructureConfig {
  app: string;
  port: number;
  host: string;
  /** Namespace for topics and consumer groups (one per test run on a shared Kafka). */
  topicPrefix: string;
  /** `test`: a clock that only moves through the admin test-clock endpoint (end-to-end tests). */
  clock: 'system' | 'test';
  /**
   * How staff tokens are verified. Undefined only in the all-in-one's demo mode (no
   * variable set), where the public demo secret signs them; every other process refuses
   * to start without one.
   */
  staffTokens: StaffTokenConfig | undefined;
  /** Where the other services answer (reporting gathers audit trails from them). */
  serviceUrls: Record<string, string>;
  /** How email leaves the process (debtor-contact's notices); see `emailConfig`. */
  email: EmailConfig;
  /**
   * Where the agency's Ed25519 private key (PKCS#8 PEM) that signs history exports is: in
   * AGENCY_SIGNING_KEY, or in the file AGENCY_SIGNING_KEY_FILE names. Read and checked by
   * the process that signs (reporting, at start), so this stays free of file reads.
   * Undefined when neither is set, which only a process not told to require it accepts
   * (reporting requires it; the all-in-one demo makes one of its own).
   */
  agencySigningKey: AgencySigningKeySource | undefined;
}

/** Services whose URL a process may be told (`CLIENT_INTAKE_URL`, ...). */
export const SERVICE_URL_VARIABLES: Record<string, string> = {
  'client-intake': 'CLIENT_INTAKE_URL',
  'debtor-contact': 'DEBTOR_CONTACT_URL',
  payments: 'PAYMENTS_URL',
  'legal-referral': 'LEGAL_REFERRAL_URL',
  portal: 'PORTAL_URL',
};

export class ConfigError extends Error {
  constructor(
    readonly app: string,
    readonly problems: string[],
  ) {
    super(`${app}: invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads the config of `app`. Variables may be prefixed by the app's name in upper
 * snake case (`PAYMENTS_PORT` wins over `PORT`), so several apps can share one
 * environment (the all-in-one process, docker-compose's defaults).
 */
export function loadConfig(
  app: string,
  env: Env = process.env,
  defaults: {
    port: number;
    /** The all-in-one demo: without any staff token variable, run on the public demo secret instead of refusing to start. */
    demoStaffTokensWhenUnset?: boolean;
    /**
     * READ_MODELS when unset (default `memory`). A default of `pglite` falls back to
     * `memory` when the event store is not PGlite; READ_MODELS=pglite set explicitly is refused then.
     */
    readModels?: ReadModelKind;
    /** Refuse to start without AGENCY_SIGNING_KEY(_FILE): the process signs history exports. */
    requireAgencySigningKey?: boolean;
  },
): AppConfig {
  const problems: string[] = [];
  const prefix = app.toUpperCase().replace(/[^A-Z0-9]+/g, '_') + '_';
  const get = (name: string): string | undefined => {
    const value = env[prefix + name] ?? env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const require = (name: string, why: string): string => {
    const value = get(name);
    if (value === undefined) problems.push(`${name} is required ${why}`);
    return value ?? '';
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = get(name) ?? fallback;
    if (!allowed.includes(value as T)) problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return value as T;
  };

  const port = Number(get('PORT') ?? defaults.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number (got "${get('PORT')}")`);

  const eventStoreKind = oneOf<EventStoreKind>('EVENT_STORE', ['postgres', 'pglite', 'eventstoredb'], 'pglite');
  const eventStore: InfrastructureConfig['eventStore'] =
    eventStoreKind === 'postgres'
      ? { kind: 'postgres', url: require('DATABASE_URL', 'when EVENT_STORE=postgres'), schema: get('EVENT_STORE_SCHEMA') ?? app.replace(/-/g, '_') }
      : eventStoreKind === 'eventstoredb'
        ? { kind: 'eventstoredb', url: require('EVENTSTORE_URL', 'when EVENT_STORE=eventstoredb') }
        : { kind: 'pglite', dataDir: pgliteDataDir(get('PGLITE_DATA_DIR'), app), ...pgliteSharedBuffers(get('PGLITE_SHARED_BUFFERS'), problems) };

  const busKind = oneOf<MessageBusKind>('MESSAGE_BUS', ['kafka', 'in-process'], 'in-process');
  const messageBus: InfrastructureConfig['messageBus'] =
    busKind === 'kafka'
      ? {
          kind: 'kafka',
          brokers: require('KAFKA_BROKERS', 'when MESSAGE_BUS=kafka').split(',').map((b) => b.trim()).filter(Boolean),
          clientId: app,
        }
      : { kind: 'in-process' };

  const defaultReadKind = defaults.readModels === 'pglite' && eventStoreKind !== 'pglite' ? 'memory' : (defaults.readModels ?? 'memory');
  const readKind = oneOf<ReadModelKind>('READ_MODELS', ['mongo', 'memory', 'pglite'], defaultReadKind);
  if (readKind === 'pglite' && eventStoreKind !== 'pglite') problems.push(`READ_MODELS=pglite needs EVENT_STORE=pglite (got "${eventStoreKind}")`);
  const readModels: InfrastructureConfig['readModels'] =
    readKind === 'mongo' ? { kind: 'mongo', url: require('MONGO_URL', 'when READ_MODELS=mongo') } : { kind: readKind };

  const clock = oneOf<'system' | 'test'>('CLOCK', ['system', 'test'], 'system');
  const serviceUrls: Record<string, string> = {};
  for (const [service, variable] of Object.entries(SERVICE_URL_VARIABLES)) {
    const url = get(variable);
    if (url) serviceUrls[service] = url;
  }

  const staffTokens = staffTokenConfig(get, problems, defaults.demoStaffTokensWhenUnset ?? false);
  const email = emailConfig(get, problems, app);
  const agencySigningKey = agencySigningKeyConfig(get, problems, defaults.requireAgencySigningKey ?? false);

  if (problems.length > 0) throw new ConfigError(app, problems);
  return {
    app,
    port,
    host: get('HOST') ?? '127.0.0.1',
    eventStore,
    messageBus,
    readModels,
    topicPrefix: get('TOPIC_PREFIX') ?? '',
    clock,
    staffTokens,
    serviceUrls,
    email,
    agencySigningKey,
  };
}

function agencySigningKeyConfig(get: (name: string) => string | undefined, problems: string[], required: boolean): AgencySigningKeySource | undefined {
  // A PEM pasted into one line of an env file keeps its line breaks as "\n".
  const pem = get('AGENCY_SIGNING_KEY')?.replace(/\\n/g, '\n');
  const file = get('AGENCY_SIGNING_KEY_FILE');
  if (pem !== undefined && file !== undefined) {
    problems.push('set only one of AGENCY_SIGNING_KEY, AGENCY_SIGNING_KEY_FILE');
    return undefined;
  }
  if (pem !== undefined) return { pem };
  if (file !== undefined) return { file };
  if (required) {
    problems.push(
      'AGENCY_SIGNING_KEY (an Ed25519 private key, PKCS#8 PEM) or AGENCY_SIGNING_KEY_FILE is required: history exports are signed with it ' +
        '(make one with `openssl genpkey -algorithm ed25519`)',
    );
  }
  return undefined;
}

function staffTokenConfig(get: (name: string) => string | undefined, problems: string[], demoWhenUnset: boolean): StaffTokenConfig | undefined {
  const secret = get('STAFF_TOKEN_SECRET');
  const jwksUrl = get('STAFF_TOKEN_JWKS_URL');
  // A PEM pasted into one line of an env file keeps its line breaks as "\n".
  const publicKey = get('STAFF_TOKEN_PUBLIC_KEY')?.replace(/\\n/g, '\n');
  const claims: { issuer?: string; audience?: string } = {};
  const [issuer, audience] = [get('STAFF_TOKEN_ISSUER'), get('STAFF_TOKEN_AUDIENCE')];
  if (issuer !== undefined) claims.issuer = issuer;
  if (audience !== undefined) claims.audience = audience;
  const chosen = [secret, jwksUrl, publicKey].filter((value) => value !== undefined).length;
  if (chosen === 0) {
    if (!demoWhenUnset) {
      problems.push(
        "STAFF_TOKEN_SECRET is required (or an identity provider's STAFF_TOKEN_JWKS_URL or STAFF_TOKEN_PUBLIC_KEY): " +
          'without it, staff tokens would be checked against the public demo secret, which anyone can sign with',
      );
    }
    return undefined;
  }
  if (chosen > 1) {
    problems.push('set only one of STAFF_TOKEN_SECRET, STAFF_TOKEN_JWKS_URL, STAFF_TOKEN_PUBLIC_KEY');
    return undefined;
  }
  if (secret !== undefined) {
    if (secret.length < MIN_STAFF_TOKEN_SECRET_LENGTH) {
      problems.push(`STAFF_TOKEN_SECRET must be at least ${MIN_STAFF_TOKEN_SECRET_LENGTH} characters (a long random secret; the public demo secret is refused)`);
    }
    return { kind: 'secret', secret, ...claims };
  }
  if (jwksUrl !== undefined) {
    if (!isHttpUrl(jwksUrl)) problems.push(`STAFF_TOKEN_JWKS_URL must be an http(s) URL (got "${jwksUrl}")`);
    return { kind: 'jwks', url: jwksUrl, ...claims };
  }
  if (!isRsaOrP256PublicKey(publicKey!)) {
    problems.push('STAFF_TOKEN_PUBLIC_KEY must be an RSA or P-256 public key in PEM (-----BEGIN PUBLIC KEY----- ...), for RS256 or ES256');
  }
  return { kind: 'public-key', pem: publicKey!, ...claims };
}

function isRsaOrP256PublicKey(pem: string): boolean {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'rsa' || (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1');
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function pgliteSharedBuffers(value: string | undefined, problems: string[]): { sharedBuffers?: string } {
  if (value === undefined) return {};
  if (!/^\d+(kB|MB|GB)$/.test(value)) problems.push(`PGLITE_SHARED_BUFFERS must be a size such as 16MB or 512kB (got "${value}")`);
  return { sharedBuffers: value };
}

function pgliteDataDir(value: string | undefined, app: string): string | undefined {
  if (value === 'memory') return undefined;
  return value ?? `.data/${app}`;
}
