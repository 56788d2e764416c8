import { ConfigError, loadConfig } from './config';

describe('app configuration', () => {
  it('defaults to the embedded adapters, so a fresh machine runs with no variables', () => {
    const config = loadConfig('payments', {}, { port: 3003 });
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
      },
      { port: 3003 },
    );
    expect(config.port).toBe(4003);
    expect(config.eventStore).toEqual({ kind: 'postgres', url: 'postgres://x/y', schema: 'payments' });
    expect(config.messageBus).toEqual({ kind: 'kafka', brokers: ['a:1', 'b:2'], clientId: 'payments' });
    expect(config.readModels).toEqual({ kind: 'mongo', url: 'mongodb://m/db' });
  });

  it('keeps the embedded event store in memory when asked', () => {
    expect(loadConfig('payments', { PGLITE_DATA_DIR: 'memory' }, { port: 1 }).eventStore).toEqual({ kind: 'pglite', dataDir: undefined });
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
      'READ_MODELS must be one of mongo, memory (got "oracle")',
    ]);
  });
});
