export * from './bootstrap';
export * from './error.filter';
export * from './health.controller';
export * from './persistence';
export * from './platform.module';
export * from './projection-host';
export * from './tokens';
export * from './run-service';
