export * from './edge-refusal';
export * from './http-edge';
export * from './json-depth';
export * from './rate-limits';
export * from './stream-slots';
