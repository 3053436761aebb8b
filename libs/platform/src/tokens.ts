export const PERSISTENCE = Symbol.for('dul.Persistence');
export const PROJECTIONS = Symbol.for('dul.Projections');
export const APP_ENVIRONMENT = Symbol.for('dul.AppEnvironment');
export const CLOCK = Symbol.for('dul.Clock');

/** Business logic takes time from here (or from command metadata), never from `new Date()`. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A clock moved by hand: tests and the seed script set the time that commands carry. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date): void {
    this.current = new Date(to);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}
