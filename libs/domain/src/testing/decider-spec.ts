import type { Command, Decider, DomainEvent } from '../decider';
import { fold } from '../decider';
import type { DomainErrorCode } from '../domain.errors';
import { DomainError } from '../domain.errors';

/**
 * Given events / when command / then events, for any decider:
 *
 *   spec.given([submitted]).when(withdraw).then([withdrawn]);
 *   spec.given([]).when(withdraw).thenRefuses('NOT_FOUND', 'application-not-found');
 */
export function deciderSpec<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given: (history: readonly E[]) => ({
      /** The state the history folds to. */
      state: (): S => fold(decider, history),
      when: (command: C) => {
        const decide = (): readonly E[] => decider.decide(command, fold(decider, history));
        return {
          /** The events decided, for assertions beyond equality. */
          events: decide,
          then: (expected: readonly E[]): void => {
            expect(decide()).toEqual(expected);
          },
          /** The state after the history and the decided events. */
          thenState: (): S => fold(decider, [...history, ...decide()]),
          thenRefuses: (code: DomainErrorCode, rule: string): DomainError => {
            const error = refusalOf(decide);
            expect({ code: error.code, rule: error.rule }).toEqual({ code, rule });
            return error;
          },
        };
      },
    }),
  };
}

function refusalOf(decide: () => unknown): DomainError {
  try {
    const events = decide();
    throw new Error(`expected a refusal, but the decider decided ${JSON.stringify(events)}`);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

/**
 * The events a decider decides for commands sent one after another, each on the state the previous
 * ones left: a history for projection and reactor specs made by the rules themselves, not by hand.
 */
export function decided<C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  commands: readonly C[],
  history: readonly E[] = [],
): E[] {
  const events = [...history];
  for (const command of commands) events.push(...decider.decide(command, fold(decider, events)));
  return events.slice(history.length);
}
