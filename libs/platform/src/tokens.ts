export const PERSISTENCE = Symbol.for('dul.Persistence');
export const PROJECTIONS = Symbol.for('dul.Projections');
export const APP_ENVIRONMENT = Symbol.for('dul.AppEnvironment');
export const CLOCK = Symbol.for('dul.Clock');

/** Business logic takes time from here (or from command metadata), never from `new Date()`. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
