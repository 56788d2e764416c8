/** The typed client of the creditor API (client-intake), generated from its OpenAPI document. */
export * from './creditor-client';
export type { components, operations, paths } from './creditor-api';
