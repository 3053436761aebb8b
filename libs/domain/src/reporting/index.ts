export * from './reporting-codes';
export * from './annual-report';
export * from './transparency';
