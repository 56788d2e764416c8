export * from './auth.guard';
export * from './roles';
export * from './staff-token';
export * from './client-intake-keys';
