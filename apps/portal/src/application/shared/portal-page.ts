import { ArgumentsHost, Catch, createParamDecorator, ExceptionFilter, ExecutionContext, HttpException, Inject, Logger } from '@nestjs/common';
import type { CommandContext } from '@lib/es-core';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import type { PortalDependencies } from '../../portal.dependencies';
import { errorPage } from '../../web/pages';
import { messagesFor } from '../../web/messages.en';

/** A page answered with another status than 200: an error page, or a form shown again with its problem. */
export class PortalPageException extends Error {
  constructor(
    readonly status: number,
    readonly html: string,
  ) {
    super(`portal page ${status}`);
  }
}

/** An error page by its message key (see `errors` in the messages). */
export function portalError(deps: PortalDependencies, status: number, key: string): PortalPageException {
  return new PortalPageException(status, errorPage(messagesFor(), deps.agency, key));
}

interface HtmlResponse {
  status(code: number): HtmlResponse;
  type(type: string): HtmlResponse;
  setHeader(name: string, value: string): void;
  send(body: string): void;
  locals: Record<string, unknown>;
}

/**
 * The portal's pages answer errors as pages, never as JSON: a debtor's browser shows them.
 * Request validation (400) shows the form error page; anything unexpected a plain 500 page.
 */
@Catch()
export class PortalPageFilter implements ExceptionFilter {
  private readonly logger = new Logger('Portal');

  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PortalDependencies) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HtmlResponse>();
    let status = 500;
    let html: string;
    if (exception instanceof PortalPageException) {
      status = exception.status;
      html = exception.html;
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      status = exception.getStatus();
      html = errorPage(messagesFor(), this.deps.agency, status === 404 ? 'link-invalid' : status === 429 ? 'rate-limited' : 'bad-request');
    } else {
      this.logger.error({ msg: 'portal page failed', error: exception instanceof Error ? exception.stack ?? exception.message : String(exception) });
      html = errorPage(messagesFor(), this.deps.agency, 'account-unavailable');
    }
    response.locals.rule = `portal-${status}`;
    response.setHeader('cache-control', 'no-store');
    response.setHeader('x-frame-options', 'DENY');
    response.setHeader('referrer-policy', 'no-referrer');
    response.status(status).type('text/html; charset=utf-8').send(html);
  }
}

/** The bytes of a JSON body whose route asked `keepRawBody` for them (a provider's signed webhook). */
export const RawBody = createParamDecorator((_data: unknown, context: ExecutionContext): Buffer => {
  const request = context.switchToHttp().getRequest<{ rawBody?: Buffer }>();
  return request.rawBody ?? Buffer.alloc(0);
});

/** Who the portal's own events are recorded as: the debtor, through the portal (no staff member). */
export const DEBTOR_PRINCIPAL = { role: 'system' as const, id: 'debtor-portal' };

/** The context of a portal command: one clock reading, the debtor as principal, a causation of its own unless given. */
export function portalContext(deps: PortalDependencies, causationId?: string): CommandContext {
  const id = causationId ?? deps.newId();
  return { principal: DEBTOR_PRINCIPAL, correlationId: id, causationId: id, now: deps.clock.now(), newId: deps.newId, ...(causationId ? { dedupeByCausation: true } : {}) };
}
