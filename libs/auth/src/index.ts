export * from './auth.decorators';
export * from './auth.errors';
export * from './auth.guard';
export * from './auth.module';
export * from './dev-keys';
export * from './jwt-verifier';
export * from './principal';
