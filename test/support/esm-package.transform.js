/**
 * Jest runs CommonJS and cannot load ES-module-only packages (here @nestjs/terminus 12);
 * Node itself loads them through require(esm) (Node >= 20.19). This turns such a
 * package's files into CommonJS for the tests only: `import.meta` has no CommonJS
 * meaning, so its uses are rewritten first.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const ts = require('typescript');

const ownSource = readFileSync(__filename, 'utf8');

module.exports = {
  // A change to this file must invalidate what jest cached from its previous version.
  getCacheKey(source, filename) {
    return createHash('sha256').update(ownSource).update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    const commonJsSource = source
      // CommonJS has its own `require`; a module that builds one with createRequire keeps using that.
      .replace(/^const require = createRequire\(import\.meta\.url\);$/m, '')
      .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/import\.meta\.dirname/g, '__dirname')
      .replace(/import\.meta\.resolve\(/g, 'require.resolve(');
    const { outputText } = ts.transpileModule(commonJsSource, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, allowJs: true, esModuleInterop: true },
    });
    return { code: outputText };
  },
};
