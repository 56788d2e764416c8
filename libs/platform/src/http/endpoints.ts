import { applyDecorators, HttpCode, Param, ParseUUIDPipe, Type, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiParam, ApiProduces, ApiResponseOptions, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '../auth/roles';
import { ApiProblems, ProblemStatus } from './api-problems';
import { CommandInterceptor } from './command.interceptor';

/**
 * What every endpoint states, in one place: who may call it, what it answers and what it
 * may refuse. The endpoint decorators below turn it into the guard's roles and the
 * endpoint's OpenAPI description, so a controller is its route and one line of intent.
 */
export interface EndpointOptions {
  /** The roles that may call it; the guard refuses every other (metadata on the handler). */
  roles: Role[];
  /** The success answer's class (`[Class]` for a list, `String` for text), shown with its schema; left out only where the answer has no class. */
  answer?: Type<unknown> | [Type<unknown>];
  /** What the success answer is, for a person reading the API. */
  description?: string;
  /** The endpoint's own problems (its 404, 409 and 422 rules); the standard ones are added. */
  problems?: Partial<Record<ProblemStatus, string>>;
  /** Path parameters that are UUIDs, documented as such (read them with `@UuidParam`). */
  uuidParams?: string[];
  /** The OpenAPI tag the endpoint is listed under. */
  tag?: string;
}

export interface QueryEndpointOptions extends EndpointOptions {
  /** The media type of the answer when it is not JSON (e.g. application/x-ndjson). */
  produces?: string;
}

export interface CommandEndpointOptions extends EndpointOptions {
  /** 201 (the default) when the command makes something, 200 when it answers what it did, 202 when it took work to do later. */
  status?: 200 | 201 | 202;
}

/** Who may call, the uuid path parameters and the tag: what both kinds of endpoint state alike. */
function described({ roles, uuidParams = [], tag }: EndpointOptions): Array<ClassDecorator | MethodDecorator | PropertyDecorator> {
  return [Roles(...roles), ...(tag ? [ApiTags(tag)] : []), ...uuidParams.map((name) => ApiParam({ name, format: 'uuid' }))];
}

/** The success answer's documentation: only what is stated, so an answer without a class shows no schema. */
function success(answer: EndpointOptions['answer'], description: string | undefined): ApiResponseOptions {
  return { ...(answer ? { type: answer } : {}), ...(description ? { description } : {}) };
}

/** Marks a read: its roles, its uuid path parameters, its problems and its 200 answer. */
export function QueryEndpoint(options: QueryEndpointOptions): MethodDecorator {
  const { answer, description, problems, produces } = options;
  return applyDecorators(
    ...described(options),
    ...(produces ? [ApiProduces(produces)] : []),
    ApiProblems('query', problems),
    ApiOkResponse(success(answer, description)),
  );
}

/**
 * Marks a command endpoint: the command interceptor runs around it (it makes the command
 * context for `@Ctx()` and answers an `Idempotency-Key` once), and the OpenAPI document
 * declares the optional `Idempotency-Key` header, every problem the endpoint can answer
 * and its success answer (201 unless `status: 200`, which the interceptor answers too).
 */
export function CommandEndpoint(options: CommandEndpointOptions): MethodDecorator {
  const { answer, description, problems, status = 201 } = options;
  return applyDecorators(
    ...(status === 201 ? [] : [HttpCode(status)]),
    ...described(options),
    UseInterceptors(CommandInterceptor),
    ApiProblems('command', problems),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = -',
      schema: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._:~@/+=-]+$' },
    }),
    status === 200 ? ApiOkResponse(success(answer, description)) : status === 202 ? ApiAcceptedResponse(success(answer, description)) : ApiCreatedResponse(success(answer, description)),
  );
}

/** A path parameter that must be a UUID: anything else is refused with 400 before the handler runs. */
export const UuidParam = (name: string): ParameterDecorator => Param(name, new ParseUUIDPipe());
