import { generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@lib/config';
import { signedMessage } from '@lib/contracts/audit/history-export.format';
import { agencySigningKeyOf, DEMO_SIGNING_KEY_FILE } from './agency-signing-key';

const pemOf = (type: 'ed25519' | 'x25519' = 'ed25519') => generateKeyPairSync(type as 'ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const memory = { kind: 'pglite' as const, dataDir: undefined };

describe("the agency's signing key", () => {
  it('signs with the configured key, given as PEM or as a file, and publishes its public half', () => {
    const pem = pemOf();
    const file = join(mkdtempSync(join(tmpdir(), 'agency-key-')), 'key.pem');
    writeFileSync(file, pem);
    const inline = agencySigningKeyOf({ app: 'reporting', eventStore: memory, agencySigningKey: { pem } }).key;
    const fromFile = agencySigningKeyOf({ app: 'reporting', eventStore: memory, agencySigningKey: { file } }).key;
    expect(fromFile.publicJwk).toEqual(inline.publicJwk);
    expect(inline.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: expect.any(String), alg: 'EdDSA', use: 'sig' });
    const finalHash = 'ab'.repeat(32);
    expect(verify(null, signedMessage(finalHash), inline.publicPem, Buffer.from(inline.signFinalHash(finalHash), 'base64url'))).toBe(true);
  });

  it('refuses to start with a key that cannot sign, or a file that cannot be read, naming the variable', () => {
    const start = (source: { pem: string } | { file: string }) => () => agencySigningKeyOf({ app: 'reporting', eventStore: memory, agencySigningKey: source });
    expect(start({ pem: pemOf('x25519') })).toThrow(ConfigError);
    expect(start({ pem: pemOf('x25519') })).toThrow('AGENCY_SIGNING_KEY must hold an Ed25519 private key');
    expect(start({ pem: 'not a key' })).toThrow('AGENCY_SIGNING_KEY must hold an Ed25519 private key');
    expect(start({ file: '/nonexistent/agency-key.pem' })).toThrow('AGENCY_SIGNING_KEY_FILE could not be read (/nonexistent/agency-key.pem)');
  });

  it('without one (the all-in-one demo), makes a key in the data folder, readable only by its owner, and keeps it across restarts', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'all-in-one-'));
    const config = { app: 'all-in-one', eventStore: { kind: 'pglite' as const, dataDir }, agencySigningKey: undefined };
    const first = agencySigningKeyOf(config);
    expect(first.demoFile).toBe(join(dataDir, DEMO_SIGNING_KEY_FILE));
    expect(readFileSync(first.demoFile!, 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    expect(statSync(first.demoFile!).mode & 0o777).toBe(0o600);
    expect(agencySigningKeyOf(config).key.keyId).toBe(first.key.keyId);
  });

  it('with in-memory storage, makes a key that lives as long as the process', () => {
    const made = agencySigningKeyOf({ app: 'all-in-one', eventStore: memory, agencySigningKey: undefined });
    expect(made.demoFile).toBeNull();
    expect(agencySigningKeyOf({ app: 'all-in-one', eventStore: memory, agencySigningKey: undefined }).key.keyId).not.toBe(made.key.keyId);
  });
});
