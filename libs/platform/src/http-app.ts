import { INestApplication, Logger, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { asyncApiDocument } from '@lib/contracts';
import { jsonBody } from './http/json-body';
import { mirrorValidationRules } from './http/openapi-validation-rules';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { ObservabilityModule } from './observability/observability.module';
import { requestValidationPipe } from './validation';

export interface HttpAppOptions {
  title: string;
  module: Type<unknown> | ReturnType<never>;
  /** Log nothing (tests), unless `logTo` is given. */
  quiet?: boolean;
  /** Where the JSON log lines go instead of stdout (tests that read them). */
  logTo?: DestinationStream;
  /**
   * Marks every command (any method but GET, HEAD and OPTIONS) as foreground work from its
   * arrival until its answer is sent: a process whose consumers run in it (an in-process
   * bus) passes its `ForegroundWork`, so their cascade waits for the commands (docs/decisions.md,
   * "Commands before background in one process").
   */
  foreground?: { begin(): () => void };
}

const QUERY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Builds a Nest HTTP app the same way for every service: JSON logs through pino with
 * each request's correlation id and principal, /metrics, /health/live and /health/ready,
 * OpenAPI at /docs, the published language (AsyncAPI 3.0) at /docs/asyncapi.json, errors
 * as RFC 9457 problems, graceful shutdown (in-flight requests finish, adapters close).
 */
export async function createHttpApp(options: HttpAppOptions): Promise<INestApplication> {
  const silent = Boolean(options.quiet) && !options.logTo;
  @Module({ imports: [ObservabilityModule.forRoot({ silent, destination: options.logTo }), options.module as Type<unknown>] })
  class HttpAppModule {}
  const app = await NestFactory.create(HttpAppModule, {
    logger: silent ? false : undefined,
    bufferLogs: !silent,
    // Our own JSON parser (jsonBody): 415 for other media types, a body limit every
    // documented request fits, a nesting bound, and problem-details answers for each.
    bodyParser: false,
  });
  const { foreground } = options;
  if (foreground) {
    app.use((request: { method: string }, response: { once(event: 'close', listener: () => void): void }, next: () => void) => {
      if (!QUERY_METHODS.has(request.method)) response.once('close', foreground.begin());
      next();
    });
  }
  app.use(...jsonBody());
  if (!silent) {
    app.useLogger(app.get(PinoNestLogger));
    app.flushLogs();
  }
  const document = mirrorValidationRules(
    SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription('Commercial collection agency backend. Every write accepts an Idempotency-Key header.')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'client-api-key')
      .addBearerAuth({ type: 'http', scheme: 'bearer' }, 'staff-token')
      .build(),
    // Every endpoint states its tag (QueryEndpoint/CommandEndpoint `tag`): none made up from class names.
    { autoTagControllers: false },
    ),
  );
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Registered on the HTTP adapter, like Swagger's routes: public (no guard runs) and ahead of
  // the Swagger UI's static files under /docs.
  const asyncApi = asyncApiDocument();
  app.getHttpAdapter().get('/docs/asyncapi.json', (_request: unknown, response: unknown) => app.getHttpAdapter().reply(response, asyncApi, 200));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

export async function listen(app: INestApplication, port: number, host: string, name: string, close: () => Promise<void> = () => app.close()): Promise<string> {
  await app.listen(port, host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  new Logger(name).log(`${name} listening on ${url} (API docs: ${url}/docs)`);
  stopGracefullyOnSignals(close, name);
  return url;
}

/**
 * SIGTERM/SIGINT: stop accepting requests, let in-flight work finish, close adapters
 * (module destroy hooks), then exit 0. A second signal exits at once.
 */
function stopGracefullyOnSignals(close: () => Promise<void>, name: string): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    new Logger(name).log(`${signal}: shutting down`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        new Logger(name).error(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
