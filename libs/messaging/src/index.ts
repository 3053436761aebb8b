export * from './kafka-relay';
export * from './kafka-topics';
