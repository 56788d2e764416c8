/**
 * `npm start` skips the compile when deploy/runtime/build-freshness.js says dist/ is a
 * build of the sources as they are; a wrong "current" would run stale code. Each case
 * builds a small project tree in a temporary folder and records a "build" of it.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildInputsDigest, isBuildCurrent, recordBuild } = require('../../deploy/runtime/build-freshness') as {
  buildInputsDigest(root: string): string;
  isBuildCurrent(root: string, digest?: string): boolean;
  recordBuild(root: string, digest: string): void;
};

describe('build freshness (npm start compiles only a stale dist/)', () => {
  let root: string;
  const write = (file: string, content: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  };
  const build = () => {
    write('dist/apps/all-in-one/src/main.js', '// compiled');
    recordBuild(root, buildInputsDigest(root));
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'build-freshness-'));
    write('apps/payments/src/domain/ledger/allocate.ts', 'export const a = 1;');
    write('libs/money/src/money.ts', 'export const m = 1;');
    write('tsconfig.json', '{}');
    write('package-lock.json', '{"lockfileVersion":3}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is not current before any build', () => {
    expect(isBuildCurrent(root)).toBe(false);
  });

  it('is current right after a build of the same files', () => {
    build();
    expect(isBuildCurrent(root)).toBe(true);
  });

  it('is stale once a source file changes, even to content of the same length', () => {
    build();
    write('libs/money/src/money.ts', 'export const m = 2;');
    expect(isBuildCurrent(root)).toBe(false);
  });

  it('is stale once a source file is added or deleted', () => {
    build();
    write('apps/payments/src/domain/ledger/refund.ts', 'export const r = 1;');
    expect(isBuildCurrent(root)).toBe(false);
    build();
    unlinkSync(join(root, 'apps/payments/src/domain/ledger/refund.ts'));
    expect(isBuildCurrent(root)).toBe(false);
  });

  it('is stale once the compiler settings or the installed packages change', () => {
    build();
    write('tsconfig.json', '{"compilerOptions":{}}');
    expect(isBuildCurrent(root)).toBe(false);
    build();
    write('package-lock.json', '{"lockfileVersion":3,"packages":{}}');
    expect(isBuildCurrent(root)).toBe(false);
  });

  it('is stale when the compiled entry point is gone, whatever the record says', () => {
    build();
    rmSync(join(root, 'dist/apps'), { recursive: true });
    expect(isBuildCurrent(root)).toBe(false);
  });
});
