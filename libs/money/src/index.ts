export * from './money';
export * from './minor-units';
