export * from './projection-store.contract';
export * from './projection-spec';
