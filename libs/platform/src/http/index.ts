export * from './problem-details';
export * from './refusal';
export * from './problem-details.filter';
export * from './command-context';
export * from './command.interceptor';
export * from './api-problems';
export * from './json-body';
export * from './openapi-validation-rules';
