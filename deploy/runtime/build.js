/**
 * `npm run build`: compiles apps/ and libs/ into dist/ and records what it compiled.
 * `--if-stale` (used by `npm start`): compiles only when dist/ is not a build of the
 * sources as they are now (see build-freshness.js); a stale dist/ is never left to run.
 */
const { spawnSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const path = require('node:path');
const { buildInputsDigest, isBuildCurrent, recordBuild } = require('./build-freshness');

const root = path.join(__dirname, '..', '..');
const digest = buildInputsDigest(root);
if (process.argv.includes('--if-stale') && isBuildCurrent(root, digest)) process.exit(0);

// Removed before compiling: if this build fails, the next check sees no record and builds.
rmSync(path.join(root, 'dist', '.build-inputs.sha256'), { force: true });
const tsc = require.resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--incremental', 'false'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
// The all-in-one's empty PGlite cluster, remade with this build's PGlite and migrations. Made
// here, in a process of its own, rather than by the first start: initdb and the migrations in
// WebAssembly take seconds and leave glibc holding memory (docs/benchmarks.md). Should it
// fail, the first start makes a bare one instead (libs/platform/src/pglite-template.ts).
rmSync(path.join(root, 'dist', '.pglite-empty-cluster'), { recursive: true, force: true });
// Its output (the services' demo-secret notices, about a scratch folder) is shown only if it fails.
const made = spawnSync(process.execPath, ['-r', './deploy/runtime/register-paths.js', 'dist/apps/all-in-one/src/embedded-template.js'], { cwd: root, encoding: 'utf8' });
if (made.status !== 0) process.stderr.write(`${made.stdout}${made.stderr}build: the all-in-one's empty PGlite cluster was not made; its first start will make a bare one\n`);
recordBuild(root, digest);
