// The deciders' test helpers and fixtures, for specs outside libs/domain (projections, reactors).
export * from '../src/testing/decider-spec';
export * from '../src/testing/licensing.fixtures';
