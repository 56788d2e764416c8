import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppConfig, ConfigError } from '@lib/config';
import { signedMessage } from '@lib/contracts/audit/history-export.format';

/** The public half of the agency's key as a JWK (RFC 8037), with its RFC 7638 thumbprint as `kid`. */
export interface AgencyPublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** The agency's Ed25519 key: signs the final hash of every history export. */
export class AgencySigningKey {
  readonly publicJwk: AgencyPublicJwk;
  readonly publicPem: string;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the agency signing key must be an Ed25519 key');
    const publicKey = createPublicKey(privateKey);
    const { x } = publicKey.export({ format: 'jwk' }) as { x: string };
    // RFC 7638: SHA-256 of the required members, in lexicographic order, no whitespace.
    const kid = createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
    this.publicJwk = { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' };
    this.publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  }

  static fromPem(pem: string): AgencySigningKey {
    return new AgencySigningKey(createPrivateKey({ key: pem, format: 'pem' }));
  }

  get keyId(): string {
    return this.publicJwk.kid;
  }

  /** Ed25519 signature (base64url) of the export's final hash, in the format's signed message. */
  signFinalHash(finalHash: string): string {
    return sign(null, signedMessage(finalHash), this.privateKey).toString('base64url');
  }
}

export const DEMO_SIGNING_KEY_FILE = 'agency-signing-key.pem';

/**
 * The configured key; without one (only the all-in-one gets this far: reporting's own
 * config refuses to start), a demo key kept in the process's data folder, so exports stay
 * verifiable across restarts; with in-memory storage, a key that lives as long as the process.
 */
export function agencySigningKeyOf(config: Pick<AppConfig, 'agencySigningKey' | 'eventStore' | 'app'>): { key: AgencySigningKey; demoFile?: string | null } {
  if (config.agencySigningKey) return { key: configuredKey(config.app, config.agencySigningKey) };
  const dataDir = config.eventStore.kind === 'pglite' ? config.eventStore.dataDir : `.data/${config.app}`;
  if (dataDir === undefined) return { key: new AgencySigningKey(generateKeyPairSync('ed25519').privateKey), demoFile: null };
  const file = join(dataDir, DEMO_SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  }
  return { key: AgencySigningKey.fromPem(readFileSync(file, 'utf8')), demoFile: file };
}

/** The configured key, read and checked; a start with a key that cannot sign is refused like a missing one. */
function configuredKey(app: string, source: NonNullable<AppConfig['agencySigningKey']>): AgencySigningKey {
  const variable = 'file' in source ? 'AGENCY_SIGNING_KEY_FILE' : 'AGENCY_SIGNING_KEY';
  let pem: string;
  try {
    pem = 'file' in source ? readFileSync(source.file, 'utf8') : source.pem;
  } catch (error) {
    throw new ConfigError(app, [`${variable} could not be read (${(source as { file: string }).file}): ${error instanceof Error ? error.message : String(error)}`]);
  }
  try {
    return AgencySigningKey.fromPem(pem);
  } catch {
    throw new ConfigError(app, [`${variable} must hold an Ed25519 private key in PKCS#8 PEM (-----BEGIN PRIVATE KEY----- ...)`]);
  }
}
