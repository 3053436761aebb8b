export * from './reporting-codes';
export * from './annual-report';
export * from './transparency';
export * from './reference-rates';
