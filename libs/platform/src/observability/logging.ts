import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule, Params } from 'nestjs-pino';
import pino, { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { Principal } from '@lib/es-core';
import { currentLogContext, LogContext } from '@lib/scheduler';
import { isCallerId } from '../http/command-context';

export const CORRELATION_HEADER = 'x-correlation-id';

/** An HTTP request as logging sees it: Express's matched route, and the principal once the auth guard set it. */
interface LoggedRequest extends IncomingMessage {
  principal?: Principal;
  route?: { path?: string };
  originalUrl?: string;
}

/** Marks a log context whose correlation id the request logger already binds to each line. */
const BOUND_BY_REQUEST_LOGGER = Symbol('bound-by-request-logger');

/**
 * The caller's `x-correlation-id`, or a new one. A new one is written to the request
 * headers, so that the events the request causes carry the same id (see
 * `commandContextOf` in http/command-context.ts), and to the response, so a caller
 * without one learns it. A given id that is no valid caller id (too long, odd
 * characters) is neither logged nor echoed: the logs and the response get a new one, and
 * the header is left as it came, for a command endpoint to refuse it (400).
 */
export function correlationIdOf(request: IncomingMessage, response?: ServerResponse): string {
  const raw = request.headers[CORRELATION_HEADER];
  const given = Array.isArray(raw) ? raw[0] : raw;
  const id = given !== undefined && isCallerId(given) ? given : randomUUID();
  if (given === undefined) request.headers[CORRELATION_HEADER] = id;
  response?.setHeader(CORRELATION_HEADER, id);
  return id;
}

/**
 * The log context of one request. Principal and route are read when a line is written:
 * the principal appears once the auth guard has set it, the route once Express matched it.
 */
export function requestLogContext(request: LoggedRequest, correlationId: string): LogContext {
  return {
    [BOUND_BY_REQUEST_LOGGER]: true,
    correlationId,
    method: request.method,
    get route(): string | undefined {
      return request.route?.path;
    },
    get principal(): Principal | undefined {
      return request.principal;
    },
  };
}

/** Fields of the log context in force, for pino's mixin. */
function contextFields(): Record<string, unknown> {
  const context = currentLogContext();
  if (!context) return {};
  const fields: Record<string, unknown> = { ...context };
  // Inside a request pino-http's child logger already carries it: written twice, it would be a duplicate key.
  if ((context as Record<symbol, unknown>)[BOUND_BY_REQUEST_LOGGER]) delete fields.correlationId;
  return fields;
}

export interface LoggingOptions {
  /** Write nothing (tests that do not look at logs). */
  silent?: boolean;
  /** Where lines go instead of stdout (tests that read them). */
  destination?: DestinationStream;
}

/**
 * Pino through nestjs-pino: one JSON object per line, `level` as a word, ISO time, and on
 * every line written while a request or a message is handled its correlation id,
 * principal (and for requests method and route). Errors are logged with message and stack.
 */
export function loggingModule(options: LoggingOptions) {
  const http: Options = {
    level: options.silent ? 'silent' : (process.env.LOG_LEVEL ?? 'info'),
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: contextFields,
    // Credentials never reach the logs.
    redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'], censor: '[redacted]' },
    customLogLevel: (request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
    genReqId: (request, response) => correlationIdOf(request, response),
    customAttributeKeys: { reqId: 'correlationId' },
    quietReqLogger: true,
    // Probes and scrapes come every few seconds; their lines would drown the rest.
    autoLogging: { ignore: (request) => /^\/(health|metrics)(\/|$|\?)/.test((request as LoggedRequest).originalUrl ?? request.url ?? '') },
    customSuccessObject: (request, response, value: Record<string, unknown>) => ({ ...value, ...requestFields(request as LoggedRequest) }),
    customErrorObject: (request, response, error, value: Record<string, unknown>) => ({ ...value, ...requestFields(request as LoggedRequest) }),
  };
  const params: Params = { pinoHttp: options.destination ? [http, options.destination] : http };
  return LoggerModule.forRoot(params);
}

function requestFields(request: LoggedRequest): Record<string, unknown> {
  return { method: request.method, route: request.route?.path, principal: request.principal };
}
