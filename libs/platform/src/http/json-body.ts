import { Logger } from '@nestjs/common';
import express from 'express';
import { problem, PROBLEM_CONTENT_TYPE } from './problem-details';

/**
 * The largest request body accepted. The largest request the API documents is a placement
 * of 500 invoices with 64-character numbers and every optional field, which pretty-printed
 * is about 113 KB (client-intake's e2e spec places one); 1 MB leaves room and refuses
 * what no documented request needs.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * How deep a JSON body may nest. The deepest documented request (a placement's invoice
 * fields) is 3 levels; 32 is generous, and bounds the recursion of what reads it after.
 */
export const MAX_JSON_DEPTH = 32;

type Middleware = (request: express.Request, response: express.Response, next: express.NextFunction) => void;
type ErrorMiddleware = (error: unknown, request: express.Request, response: express.Response, next: express.NextFunction) => void;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Express middleware for every JSON API: a body must be JSON (415 otherwise), at most
 * MAX_BODY_BYTES (413), well-formed (400) and at most MAX_JSON_DEPTH deep (400). Each
 * refusal is a problem-details answer naming its rule, logged as a client error.
 */
export function jsonBody(): Array<Middleware | ErrorMiddleware> {
  return [
    requireJsonContentType,
    express.json({ limit: MAX_BODY_BYTES, type: JSON_TYPES, strict: false, verify: keepRawBodyWhereAsked }),
    express.urlencoded({ limit: MAX_FORM_BYTES, type: FORM_TYPE, extended: false, parameterLimit: 100 }),
    refuseDeepNesting,
    bodyErrorsAsProblems,
  ];
}

/** HTML forms (the debtor portal) post a few short fields; 64 KB is far beyond any of them. */
export const MAX_FORM_BYTES = 64 * 1024;
const FORM_TYPE = 'application/x-www-form-urlencoded';
const FORM_TYPES = [FORM_TYPE, 'multipart/form-data'];
const formPrefixes: string[] = [];
const rawBodyPaths: string[] = [];

/**
 * Lets the routes under a path prefix take HTML form posts (server-rendered pages without
 * scripts): url-encoded bodies are parsed here, multipart ones are left to the route's own
 * upload handling. JSON stays accepted there; anything else still gets the 415.
 */
export function acceptFormPosts(pathPrefix: string): void {
  if (!formPrefixes.includes(pathPrefix)) formPrefixes.push(pathPrefix);
}

/**
 * Keeps the exact bytes of a JSON body for a route that verifies a signature over them (a
 * payment provider's webhook): `request.rawBody`, read with the `RawBody` parameter decorator.
 */
export function keepRawBody(path: string): void {
  if (!rawBodyPaths.includes(path)) rawBodyPaths.push(path);
}

function keepRawBodyWhereAsked(request: express.Request, _response: unknown, body: Buffer): void {
  if (rawBodyPaths.includes(request.path)) (request as express.Request & { rawBody?: Buffer }).rawBody = Buffer.from(body);
}

function isFormPost(request: express.Request): boolean {
  return formPrefixes.some((prefix) => request.path.startsWith(prefix)) && Boolean(request.is(FORM_TYPES));
}

/**
 * A route whose body is a file read as a stream by its handler (bulk placement): the JSON
 * rules above do not apply to it for its own media types, and nothing buffers its body.
 */
export interface StreamedBodyRoute {
  method: 'POST' | 'PUT';
  /** The request path, exactly (no parameters). */
  path: string;
  /** The media types the handler reads; any other still gets the 415. */
  mediaTypes: string[];
}

const streamedRoutes: StreamedBodyRoute[] = [];

/** Lets a route take a streamed non-JSON body (see StreamedBodyRoute); its module calls it once. */
export function acceptStreamedBody(route: StreamedBodyRoute): void {
  if (!streamedRoutes.some((known) => known.method === route.method && known.path === route.path)) streamedRoutes.push(route);
}

function isStreamedBody(request: express.Request): boolean {
  return streamedRoutes.some((route) => route.method === request.method && route.path === request.path && request.is(route.mediaTypes) !== false && request.is(route.mediaTypes) !== null);
}

const requireJsonContentType: Middleware = (request, response, next) => {
  if (!BODY_METHODS.has(request.method) || !hasBody(request) || request.is(JSON_TYPES) || isStreamedBody(request) || isFormPost(request)) return next();
  sendProblem(response, 415, 'unsupported-media-type', `send the body as application/json (got ${request.headers['content-type'] ?? 'no content type'})`);
};

const refuseDeepNesting: Middleware = (request, response, next) => {
  if (depthOf(request.body, MAX_JSON_DEPTH) <= MAX_JSON_DEPTH) return next();
  sendProblem(response, 400, 'json-too-deep', `the body nests deeper than ${MAX_JSON_DEPTH} levels`);
};

const bodyErrorsAsProblems: ErrorMiddleware = (error, _request, response, next) => {
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large') return sendProblem(response, 413, 'body-too-large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
  if (type === 'entity.parse.failed') return sendProblem(response, 400, 'json-invalid', 'the body is not valid JSON');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return sendProblem(response, 415, 'unsupported-media-type', (error as Error).message);
  if (type === 'request.aborted' || type === 'request.size.invalid' || type === 'stream.encoding.set') return sendProblem(response, 400, 'body-unreadable', (error as Error).message);
  next(error);
};

function hasBody(request: express.Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** How deep a parsed JSON value nests, counting no further than `limit + 1` and with no recursion. */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const nested of Object.values(current)) pending.push([nested, depth + 1]);
  }
  return deepest;
}

const logger = new Logger('HttpBody');

function sendProblem(response: express.Response, status: number, rule: string, detail: string): void {
  logger.warn({ msg: `request refused before routing: ${detail}`, status, rule, method: response.req.method, url: response.req.originalUrl });
  response.locals.rule = rule;
  response.status(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem(status, detail, { rule })));
}
