// The deciders' test helpers and fixtures, for specs outside libs/domain (projections, reactors).
export * from '../src/testing/decider-spec';
export * from '../src/testing/general-authorisation.fixtures';
export * from '../src/testing/licence.fixtures';
export * from '../src/testing/licensing.fixtures';
export * as consultationFixtures from '../src/consultation/testing/consultation.fixtures';
export * as reportHistory from '../src/reporting/testing/report-history';
