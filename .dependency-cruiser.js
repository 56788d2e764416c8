/**
 * Architecture rules, checked in CI (`npm run lint`).
 * The domain of every app is pure: no framework, no drivers, no other layers.
 * Reading the clock in the domain is caught by ESLint (see eslint.config.mjs),
 * since it is a call, not an import.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-framework-free',
      severity: 'error',
      comment: 'apps/*/src/domain must not import NestJS or any driver: deciders are pure TypeScript.',
      from: { path: '^apps/[^/]+/src/domain/' },
      to: { path: '(^|/)node_modules/(@nestjs|kafkajs|mongoose|mongodb|pg|@electric-sql|@eventstore|mingo)(/|$)' },
    },
    {
      name: 'domain-imports-no-outer-layer',
      severity: 'error',
      comment: 'The domain does not know about use cases, integration, read models or adapters.',
      from: { path: '^apps/[^/]+/src/domain/' },
      to: {
        path: [
          '^apps/[^/]+/src/(application|integration|read-models)/',
          '^libs/(event-store|message-bus|read-models|platform|config|clock|scheduler)/',
        ],
      },
    },
    {
      name: 'es-core-is-framework-free',
      severity: 'error',
      comment: 'The event-sourcing core is imported by every domain, so it must stay pure too.',
      from: { path: '^libs/es-core/' },
      to: { path: '(^|/)node_modules/(@nestjs|kafkajs|mongoose|mongodb|pg|@electric-sql|@eventstore|mingo)(/|$)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import circles, type-only ones included: a decider imports its state, commands and decide files, never the other way round; a ports file does not import the adapters built on it.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.spec\\.ts$' },
  },
};
