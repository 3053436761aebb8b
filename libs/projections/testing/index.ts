export * from './projection-store.contract';
