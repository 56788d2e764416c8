import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './config';

const SECRET = 'a-long-random-deployment-secret-0123456789';

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('app configuration', () => {
  it('defaults to the embedded adapters, so a fresh machine runs with only a staff token secret', () => {
    const config = loadConfig('payments', { STAFF_TOKEN_SECRET: SECRET }, { port: 3003 });
    expect(config).toMatchObject({
      port: 3003,
      eventStore: { kind: 'pglite', dataDir: '.data/payments' },
      messageBus: { kind: 'in-process' },
      readModels: { kind: 'memory' },
    });
  });

  it('chooses the distributed adapters from the environment, app prefix first', () => {
    const config = loadConfig(
      'payments',
      {
        EVENT_STORE: 'postgres',
        DATABASE_URL: 'postgres://x/y',
        MESSAGE_BUS: 'kafka',
        KAFKA_BROKERS: 'a:1, b:2',
        READ_MODELS: 'mongo',
        MONGO_URL: 'mongodb://m/db',
        PORT: '1',
        PAYMENTS_PORT: '4003',
        STAFF_TOKEN_SECRET: SECRET,
      },
      { port: 3003 },
    );
    expect(config.port).toBe(4003);
    expect(config.eventStore).toEqual({ kind: 'postgres', url: 'postgres://x/y', schema: 'payments' });
    expect(config.messageBus).toEqual({ kind: 'kafka', brokers: ['a:1', 'b:2'], clientId: 'payments' });
    expect(config.readModels).toEqual({ kind: 'mongo', url: 'mongodb://m/db' });
  });

  it('keeps the embedded event store in memory when asked', () => {
    expect(loadConfig('payments', { PGLITE_DATA_DIR: 'memory', STAFF_TOKEN_SECRET: SECRET }, { port: 1 }).eventStore).toEqual({ kind: 'pglite', dataDir: undefined });
  });

  it('keeps read models in the embedded PGlite where the composition asks for it, only beside a PGlite event store', () => {
    const allInOne = (env: Record<string, string>) => loadConfig('all-in-one', { STAFF_TOKEN_SECRET: SECRET, ...env }, { port: 1, readModels: 'pglite' });
    expect(allInOne({}).readModels).toEqual({ kind: 'pglite' });
    expect(allInOne({ READ_MODELS: 'memory' }).readModels).toEqual({ kind: 'memory' });
    expect(allInOne({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://db/x' }).readModels).toEqual({ kind: 'memory' });
    expect(problemsOf(() => allInOne({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://db/x', READ_MODELS: 'pglite' }))).toEqual([
      'READ_MODELS=pglite needs EVENT_STORE=pglite (got "postgres")',
    ]);
  });

  it('names every missing or wrong variable at once', () => {
    let error: unknown;
    try {
      loadConfig('reporting', { EVENT_STORE: 'postgres', MESSAGE_BUS: 'kafka', READ_MODELS: 'oracle', PORT: 'x' }, { port: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT must be a port number (got "x")',
      'DATABASE_URL is required when EVENT_STORE=postgres',
      'KAFKA_BROKERS is required when MESSAGE_BUS=kafka',
      'READ_MODELS must be one of mongo, memory, pglite (got "oracle")',
      expect.stringContaining('STAFF_TOKEN_SECRET is required'),
    ]);
  });
});

describe('staff token configuration', () => {
  it('refuses to run a service open: without a secret or an identity provider it names STAFF_TOKEN_SECRET', () => {
    expect(problemsOf(() => loadConfig('payments', { NODE_ENV: 'production' }, { port: 1 }))).toEqual([
      "STAFF_TOKEN_SECRET is required (or an identity provider's STAFF_TOKEN_JWKS_URL or STAFF_TOKEN_PUBLIC_KEY): " +
        'without it, staff tokens would be checked against the public demo secret, which anyone can sign with',
    ]);
    expect(problemsOf(() => loadConfig('payments', { STAFF_TOKEN_SECRET: '   ' }, { port: 1 }))).toHaveLength(1);
  });

  it('leaves the choice to the demo only where the caller allows it (the all-in-one)', () => {
    expect(loadConfig('all-in-one', {}, { port: 1, demoStaffTokensWhenUnset: true }).staffTokens).toBeUndefined();
    expect(loadConfig('all-in-one', { STAFF_TOKEN_SECRET: SECRET }, { port: 1, demoStaffTokensWhenUnset: true }).staffTokens).toEqual({ kind: 'secret', secret: SECRET });
  });

  it('refuses a short secret, which is how the public demo secret is refused too', () => {
    expect(problemsOf(() => loadConfig('payments', { STAFF_TOKEN_SECRET: 'dev-only-staff-token-secret' }, { port: 1 }))).toEqual([
      'STAFF_TOKEN_SECRET must be at least 32 characters (a long random secret; the public demo secret is refused)',
    ]);
  });

  it("reads an identity provider's JWKS URL, issuer and audience", () => {
    const env = { STAFF_TOKEN_JWKS_URL: 'https://idp.example/.well-known/jwks.json', STAFF_TOKEN_ISSUER: 'https://idp.example/', STAFF_TOKEN_AUDIENCE: 'collections' };
    expect(loadConfig('payments', env, { port: 1 }).staffTokens).toEqual({
      kind: 'jwks',
      url: 'https://idp.example/.well-known/jwks.json',
      issuer: 'https://idp.example/',
      audience: 'collections',
    });
    expect(problemsOf(() => loadConfig('payments', { STAFF_TOKEN_JWKS_URL: 'idp.example/jwks' }, { port: 1 }))).toEqual([
      'STAFF_TOKEN_JWKS_URL must be an http(s) URL (got "idp.example/jwks")',
    ]);
  });

  it("reads an identity provider's PEM public key, also with its line breaks written as \\n", () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString().trim();
    expect(loadConfig('payments', { STAFF_TOKEN_PUBLIC_KEY: pem }, { port: 1 }).staffTokens).toEqual({ kind: 'public-key', pem });
    expect(loadConfig('payments', { STAFF_TOKEN_PUBLIC_KEY: pem.replace(/\n/g, '\\n') }, { port: 1 }).staffTokens).toEqual({ kind: 'public-key', pem });
    const ed25519 = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    for (const wrong of ['not a key', ed25519]) {
      expect(problemsOf(() => loadConfig('payments', { STAFF_TOKEN_PUBLIC_KEY: wrong }, { port: 1 }))).toEqual([
        'STAFF_TOKEN_PUBLIC_KEY must be an RSA or P-256 public key in PEM (-----BEGIN PUBLIC KEY----- ...), for RS256 or ES256',
      ]);
    }
  });

  it('refuses two sources of keys at once', () => {
    expect(problemsOf(() => loadConfig('payments', { STAFF_TOKEN_SECRET: SECRET, STAFF_TOKEN_JWKS_URL: 'https://idp.example/jwks' }, { port: 1 }))).toEqual([
      'set only one of STAFF_TOKEN_SECRET, STAFF_TOKEN_JWKS_URL, STAFF_TOKEN_PUBLIC_KEY',
    ]);
  });
});

describe('agency signing key configuration', () => {
  const ed25519Pem = () => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

  it('refuses to start a process that signs exports without the key, naming AGENCY_SIGNING_KEY', () => {
    const problems = problemsOf(() => loadConfig('reporting', { STAFF_TOKEN_SECRET: SECRET }, { port: 3005, requireAgencySigningKey: true }));
    expect(problems).toEqual([expect.stringContaining('AGENCY_SIGNING_KEY (an Ed25519 private key, PKCS#8 PEM) or AGENCY_SIGNING_KEY_FILE is required')]);
  });

  it('leaves it unset where the process does not require it (the all-in-one makes a demo key)', () => {
    expect(loadConfig('all-in-one', { STAFF_TOKEN_SECRET: SECRET }, { port: 3000 }).agencySigningKey).toBeUndefined();
  });

  it('takes the PEM from the variable, also with its line breaks written as \\n, or names the file to read it from', () => {
    const pem = ed25519Pem();
    const inline = loadConfig('reporting', { STAFF_TOKEN_SECRET: SECRET, AGENCY_SIGNING_KEY: pem.replace(/\n/g, '\\n') }, { port: 3005, requireAgencySigningKey: true });
    expect(inline.agencySigningKey).toEqual({ pem });
    expect(loadConfig('reporting', { STAFF_TOKEN_SECRET: SECRET, AGENCY_SIGNING_KEY_FILE: '/run/secrets/key.pem' }, { port: 3005, requireAgencySigningKey: true }).agencySigningKey).toEqual({ file: '/run/secrets/key.pem' });
  });

  it('refuses two sources at once', () => {
    const problems = problemsOf(() => loadConfig('reporting', { STAFF_TOKEN_SECRET: SECRET, AGENCY_SIGNING_KEY: ed25519Pem(), AGENCY_SIGNING_KEY_FILE: '/run/secrets/key.pem' }, { port: 3005, requireAgencySigningKey: true }));
    expect(problems).toEqual(['set only one of AGENCY_SIGNING_KEY, AGENCY_SIGNING_KEY_FILE']);
  });
});
