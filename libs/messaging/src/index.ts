export * from './kafka-relay';
export * from './kafka-topics';
export * from './kafka-acls';
export * from './kafka-connection';
export * from './shutdown-grace';
