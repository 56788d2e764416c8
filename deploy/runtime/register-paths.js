/**
 * Resolves the `@lib/<name>` alias of tsconfig.json for the compiled code in dist/,
 * so `node -r ./deploy/runtime/register-paths.js dist/apps/<app>/src/main.js` runs
 * without a bundler. Aliases are resolved at build time by nothing else.
 */
const Module = require('node:module');
const path = require('node:path');

const distRoot = path.join(__dirname, '..', '..', 'dist');
const originalResolve = Module._resolveFilename;

Module._resolveFilename = function resolveLibAlias(request, parent, ...rest) {
  const match = /^@lib\/([^/]+)(\/.*)?$/.exec(request);
  if (match) {
    const target = path.join(distRoot, 'libs', match[1], 'src', match[2] ?? '');
    return originalResolve.call(this, target, parent, ...rest);
  }
  return originalResolve.call(this, request, parent, ...rest);
};
