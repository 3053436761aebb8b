export * from './environment';
export * from './edge.environment';
