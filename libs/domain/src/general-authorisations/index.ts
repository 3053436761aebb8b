export * from './general-authorisation.reference';
export * from './general-authorisation-scope';
export * from './general-authorisation-user.events';
export * from './general-authorisation-user.commands';
export * from './general-authorisation-user.decider';
export * from './national-general-authorisation.decider';
export * from './general-authorisation-report';
export * from '../administration/administration-figures.decider';
