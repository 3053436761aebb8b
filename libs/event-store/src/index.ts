export * from './event-store.port';
export * from './event-store.errors';
export * from './append-rules';
export * from './catch-up-subscription';
export * from './in-memory-event-store.adapter';
export * from './command-handler';
export * from './sqlite/sqlite-database';
export * from './sqlite/sqlite-event-store.adapter';
