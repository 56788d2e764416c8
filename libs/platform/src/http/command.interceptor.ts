import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { firstValueFrom, from, Observable } from 'rxjs';
import { answerOnce, CommandAnswer, fingerprintOf } from '../idempotency';
import { SERVICE_DEPENDENCIES, ServiceDependencies } from '../service-dependencies';
import { ApplicationRequest, callerIds, commandContextOf, principalOf } from './command-context';
import { AnswerException } from './problem-details';
import { answerFor } from './problem-details.filter';

/**
 * What a handler returns when part of its answer may be shown once only (a new API key's
 * secret): `stored` is what retries get, `shown` what this caller sees now.
 */
export class ShownOnce {
  constructor(
    readonly stored: { status: number; body: unknown },
    readonly shown: unknown,
  ) {}
}

interface HttpResponse {
  status(code: number): unknown;
}

/**
 * Around every command endpoint: makes the request's command context once (principal,
 * correlation and causation ids, one clock reading) for `@Ctx()`, and answers a request
 * with an `Idempotency-Key` once: the handler's answer, success or refusal, is stored and
 * replayed to retries (see answerOnce). Handlers just return a body or throw `Refused`.
 */
@Injectable()
export class CommandInterceptor implements NestInterceptor {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ServiceDependencies) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.answer(context, next));
  }

  private async answer(context: ExecutionContext, next: CallHandler): Promise<unknown> {
    const request = context.switchToHttp().getRequest<ApplicationRequest>();
    const response = context.switchToHttp().getResponse<HttpResponse>();
    const now = this.deps.clock.now();
    const ids = callerIds(request);
    request.commandContext = commandContextOf(request, this.deps, now, ids);
    const { idempotencyKey } = ids;
    const successStatus = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;

    const run = async (): Promise<CommandAnswer> => {
      try {
        const result = await firstValueFrom(next.handle(), { defaultValue: undefined });
        if (result instanceof ShownOnce) return { ...result.stored, onlyNow: { status: successStatus, body: result.shown } };
        return { status: successStatus, body: result };
      } catch (error) {
        const answer = answerFor(error);
        // Our own failures are not answers to keep: let the filter log and answer them.
        if (answer.status >= 500) throw error;
        return answer;
      }
    };
    const answer = await answerOnce(this.deps.eventStore, principalOf(request), idempotencyKey, now, run, fingerprintOf(request));
    const shown = answer.onlyNow ?? answer;
    if (shown.status >= 400) throw new AnswerException(shown.status, shown.body);
    response.status(shown.status);
    return shown.body;
  }
}
