import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { AnswerException, problem, PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { Refused } from './refusal';

/** The parts of an Express response and request the filter uses. */
interface HttpResponse {
  headersSent?: boolean;
  locals?: Record<string, unknown>;
  status(code: number): HttpResponse;
  type(contentType: string): HttpResponse;
  send(body: string): unknown;
}
interface HttpRequest {
  method?: string;
  originalUrl?: string;
  url?: string;
  route?: { path?: string };
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * Every error answer of every endpoint, in one place: a refusal by its rule's status, an
 * HTTP error Nest or a guard raised, a stored answer replayed, and anything unexpected as
 * a 500 whose log line says what, where and for which request (the body says nothing of
 * the internals). The refusal's rule goes to `response.locals.rule` for the metrics.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<HttpResponse>();
    const request = http.getRequest<HttpRequest>();
    const { status, body } = answerFor(exception);
    if (status >= 500) this.logUnexpected(exception, request);
    if (response.headersSent) return;
    const rule = typeof body === 'object' && body !== null ? (body as { rule?: unknown }).rule : undefined;
    if (typeof rule === 'string' && response.locals) response.locals.rule = rule;
    response
      .status(status)
      .type(status >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json')
      .send(JSON.stringify(body));
  }

  private logUnexpected(exception: unknown, request: HttpRequest): void {
    const error = exception instanceof Error ? exception : new Error(String(exception));
    const correlation = request.headers?.['x-correlation-id'];
    this.logger.error({
      msg: `${request.method ?? ''} ${request.route?.path ?? request.originalUrl ?? request.url ?? ''} failed: ${error.message}`,
      err: { type: error.name, message: error.message, stack: error.stack },
      method: request.method,
      route: request.route?.path,
      url: request.originalUrl ?? request.url,
      correlationId: Array.isArray(correlation) ? correlation[0] : correlation,
    });
  }
}

/** The status and body an exception answers with. */
export function answerFor(exception: unknown): { status: number; body: unknown } {
  if (exception instanceof AnswerException) return { status: exception.status, body: exception.body };
  if (exception instanceof Refused) return { status: exception.status, body: exception.toProblem() };
  if (exception instanceof HttpException) return { status: exception.getStatus(), body: fromHttpException(exception) };
  const status = clientErrorStatusOf(exception);
  if (status) return { status, body: problem(status, (exception as Error).message || 'the request was refused') };
  return { status: 500, body: problem(500, 'an unexpected error occurred; it was logged with this request\'s correlation id') };
}

/** Nest's exceptions carry a string or an object; ours carry `rule` and `problems`, kept as extensions. */
function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const raw = exception.getResponse();
  if (typeof raw === 'string') return problem(status, raw);
  const { message, rule, problems, statusCode: _statusCode, error: _error, ...rest } = raw as Record<string, unknown>;
  const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
  return problem(status, detail, {
    ...rest,
    ...(typeof rule === 'string' ? { rule } : {}),
    ...(Array.isArray(problems) ? { problems: problems as ProblemDetails['problems'] } : {}),
  });
}

/** An error from below Nest (the body parser) that states a 4xx status of its own. */
function clientErrorStatusOf(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const status = (exception as { status?: unknown; statusCode?: unknown }).status ?? (exception as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
