/**
 * One jest config for every tier. The tier is in the file name:
 * *.unit.spec.ts (pure, no servers), *.int.spec.ts (real servers), *.e2e.spec.ts (whole apps).
 * `npm test` runs them all after bringing the local infrastructure up.
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '.*\\.(unit|int|e2e)\\.spec\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    '/node_modules/@nestjs/terminus/.+\\.js$': '<rootDir>/test/support/esm-package.transform.js',
  },
  // Packages shipped only as ES modules: transformed to CommonJS for jest (see the transform).
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/terminus/)'],
  moduleNameMapper: { '^@lib/([^/]+)(.*)$': '<rootDir>/libs/$1/src$2' },
  setupFiles: ['<rootDir>/test/support/load-infra-env.ts'],
  testTimeout: 60000,
};
