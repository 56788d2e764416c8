import { HTTP_CODE_METADATA, INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { DECORATORS } from '@nestjs/swagger';
import { ROLES_KEY } from '../auth/roles';
import { CommandInterceptor } from './command.interceptor';
import { CommandEndpoint, QueryEndpoint } from './endpoints';

class Answer {}

class Endpoints {
  @CommandEndpoint({ roles: ['admin'], tag: 'things', uuidParams: ['thingId', 'partId'], answer: Answer, description: 'Made.', problems: { 409: 'Taken (rule thing-taken).' } })
  make(): void {}

  @CommandEndpoint({ roles: ['collector', 'supervisor'], status: 200, answer: Answer, description: 'Done.' })
  act(): void {}

  @QueryEndpoint({ roles: ['compliance'], uuidParams: ['thingId'], answer: [Answer], description: 'Every thing.', problems: { 404: 'No such thing (rule thing-unknown).' } })
  read(): void {}
}

const handler = (name: keyof Endpoints) => Endpoints.prototype[name];
const meta = <T>(key: string, name: keyof Endpoints) => Reflect.getMetadata(key, handler(name)) as T;
const responses = (name: keyof Endpoints) => meta<Record<string, { type?: unknown; description?: string; content?: object }>>(DECORATORS.API_RESPONSE, name);

describe('endpoint decorators', () => {
  it('put the roles on the handler, where the guard and the role matrix read them', () => {
    expect(meta(ROLES_KEY, 'make')).toEqual(['admin']);
    expect(meta(ROLES_KEY, 'act')).toEqual(['collector', 'supervisor']);
    expect(meta(ROLES_KEY, 'read')).toEqual(['compliance']);
  });

  it('run a command through the command interceptor, a query not', () => {
    expect(meta(INTERCEPTORS_METADATA, 'make')).toEqual([CommandInterceptor]);
    expect(meta(INTERCEPTORS_METADATA, 'read')).toBeUndefined();
  });

  it('answer a command 201 by default and 200 only when asked, in the status and in the document alike', () => {
    expect(meta(HTTP_CODE_METADATA, 'make')).toBeUndefined();
    expect(responses('make')['201']).toMatchObject({ type: Answer, description: 'Made.' });
    expect(responses('make')['200']).toBeUndefined();
    expect(meta(HTTP_CODE_METADATA, 'act')).toBe(200);
    expect(responses('act')['200']).toMatchObject({ type: Answer, description: 'Done.' });
    expect(responses('act')['201']).toBeUndefined();
  });

  it('document each uuid path parameter as format uuid, and the optional Idempotency-Key of a command', () => {
    const parameters = meta<Array<{ name: string; in: string; schema?: { format?: string }; format?: string; required?: boolean }>>(DECORATORS.API_PARAMETERS, 'make');
    expect(parameters.map((p) => [p.name, p.in])).toEqual([['thingId', 'path'], ['partId', 'path'], ['Idempotency-Key', 'header']]);
    expect(parameters.filter((p) => p.in === 'path').every((p) => (p.schema?.format ?? p.format) === 'uuid')).toBe(true);
    expect(meta<Array<{ name: string }>>(DECORATORS.API_PARAMETERS, 'read').map((p) => p.name)).toEqual(['thingId']);
  });

  it('list the endpoint\'s own problems besides the standard ones, and a list answer as a list', () => {
    expect(Object.keys(responses('make')).sort()).toEqual(['201', '400', '401', '403', '409', '413', '415', '422']);
    expect(responses('make')['409'].description).toBe('Taken (rule thing-taken).');
    expect(Object.keys(responses('read')).sort()).toEqual(['200', '400', '401', '403', '404']);
    expect(responses('read')['200']).toMatchObject({ type: Answer, isArray: true, description: 'Every thing.' });
  });

  it('tag the endpoint only when a tag is given', () => {
    expect(meta(DECORATORS.API_TAGS, 'make')).toEqual(['things']);
    expect(meta(DECORATORS.API_TAGS, 'act')).toBeUndefined();
  });
});
