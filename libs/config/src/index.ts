export * from './config';
export * from './email-config';
