/** A domain event: what happened, in the past tense. Its `type` string is forever. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** Who asks, when, and within which correlation. Time arrives here, never from a clock in `decide`. */
export interface CommandMetadata {
  readonly actor: string;
  readonly memberState?: string;
  readonly now: Date;
  readonly correlationId: string;
  readonly causationId?: string;
}

/** A command: what someone asks for, in the imperative. */
export interface Command<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
  readonly metadata: CommandMetadata;
}

/**
 * An aggregate as three pure functions (the decider pattern): the state a stream folds to, how one
 * event changes it, and which events a command produces from it. `decide` throws a DomainError to refuse.
 */
export interface Decider<TCommand extends Command, TEvent extends DomainEvent, TState> {
  readonly initialState: () => TState;
  readonly evolve: (state: TState, event: TEvent) => TState;
  readonly decide: (command: TCommand, state: TState) => readonly TEvent[];
}

/** Folds events into state with a decider's evolve. */
export function fold<TEvent extends DomainEvent, TState>(
  decider: Pick<Decider<Command, TEvent, TState>, 'initialState' | 'evolve'>,
  events: readonly TEvent[],
): TState {
  return events.reduce(decider.evolve, decider.initialState());
}

/** Compile-time exhaustiveness for switches over unions; throws if an unknown value slips through at run time. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}

/**
 * The default branch of an exhaustive switch over events read from a shared log: at run time only a
 * type from outside the union (another aggregate's stream) reaches it and is ignored, while the
 * compiler still refuses a member of the union that no case lists.
 */
export function outsideUnion(_value: never): void {}

/**
 * Every type of an event (or command) union, listed once. Written as a record so the compiler refuses
 * a list that misses a type of the union, names one outside it, or repeats one: adding an event type
 * fails to compile until its list (and so every projection that handles the list) takes it in.
 */
export function everyType<T extends string>(types: { readonly [K in T]: true }): readonly T[] {
  return Object.keys(types) as T[];
}
