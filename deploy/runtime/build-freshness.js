/**
 * Whether dist/ was built from the sources as they are now. A digest of every file the
 * build can depend on (everything under apps/, libs/, bench/ and tools/, the tsconfig files and
 * the package files, which pin TypeScript and the typings) is written next to the output
 * after a successful build; dist/ is current only when that digest equals the digest of
 * the files now. Contents are compared, not times, so a checkout, a touched file, an
 * added or a deleted file are all seen, and an edit made during a build is seen by the
 * next check (the digest recorded is the one taken before compiling).
 */
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const SOURCE_FOLDERS = ['apps', 'libs', 'bench', 'tools'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const DIGEST_FILE = path.join('dist', '.build-inputs.sha256');
const ENTRY_POINT = path.join('dist', 'apps', 'all-in-one', 'src', 'main.js');

function listFiles(root, folder) {
  const absolute = path.join(root, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)));
}

/** The digest of every build input under `root`: names and contents, in a fixed order. */
function buildInputsDigest(root) {
  const files = [...SOURCE_FOLDERS.flatMap((folder) => listFiles(root, folder)), ...CONFIG_FILES.filter((file) => existsSync(path.join(root, file)))];
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    const content = readFileSync(path.join(root, file));
    hash.update(`${file.split(path.sep).join('/')}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex');
}

/** True when dist/ holds a build of exactly these inputs. */
function isBuildCurrent(root, digest = buildInputsDigest(root)) {
  const recorded = path.join(root, DIGEST_FILE);
  if (!existsSync(recorded) || !existsSync(path.join(root, ENTRY_POINT))) return false;
  return readFileSync(recorded, 'utf8').trim() === digest;
}

function recordBuild(root, digest) {
  writeFileSync(path.join(root, DIGEST_FILE), `${digest}\n`);
}

module.exports = { buildInputsDigest, isBuildCurrent, recordBuild, DIGEST_FILE };
