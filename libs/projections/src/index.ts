export * from './projection.port';
export * from './document-query';
export * from './projection-runner';
export * from './in-memory-projection-store';
export * from './sqlite/sqlite-projection-store';
export * from './postgres/postgres-projection-store';
export * from './postgres/postgres-leader-lock';
