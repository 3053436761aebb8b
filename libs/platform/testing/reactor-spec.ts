import type { CommandBus, ICommand } from '@nestjs/cqrs';
import type { Command, DomainEvent } from '@dul/domain';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { InMemoryEventStore } from '@dul/event-store';
import type { ProcessWrite, Reactor } from '@dul/platform';
import { AggregateWrite } from '@dul/platform';

/**
 * A CommandBus that records what it is sent and answers as told: nothing by default, or an error
 * for the commands `refuse` picks (to show how a reactor treats a refusal on a replay).
 */
export class RecordingCommandBus {
  readonly sent: ICommand[] = [];
  private readonly refusals: ((command: ICommand) => Error | undefined)[] = [];

  /** `answer` is what the bus resolves to for a command it does not refuse (a handler's outcome). */
  constructor(private readonly answer: (command: ICommand) => unknown = () => undefined) {}

  /** Makes the bus throw `error` for every command `which` picks (after recording it). */
  refuse(which: (command: ICommand) => boolean, error: Error): this {
    this.refusals.push((command) => (which(command) ? error : undefined));
    return this;
  }

  // async so that refusals arrive as rejected promises, as they do from the real bus

  async execute(command: ICommand): Promise<unknown> {
    this.sent.push(command);
    for (const refusal of this.refusals) {
      const error = refusal(command);
      if (error) throw error;
    }
    return this.answer(command);
  }

  asCommandBus(): CommandBus {
    return this as unknown as CommandBus;
  }
}

export interface ReactorDependencies {
  /** An in-memory store holding the history, event for event (same ids, versions, positions, instants). */
  readonly store: EventStore;
  readonly commandBus: RecordingCommandBus;
}

type AnyReactor = Reactor<DomainEvent>;

/**
 * Given stored events / when the reactor sees one / then the commands it sends, for any reactor:
 *
 *   const spec = reactorSpec(({ store, commandBus }) => new LicenceIssuer(store, commandBus.asCommandBus()));
 *   await spec.given(history.events).when(history.last()).then([new LicenceWrite(...)]);
 *
 * The reactor reads what it reads from the store; only the bus is fake, so derived ids are checked
 * as the reactor really computes them.
 */
export function reactorSpec<TReactor extends AnyReactor>(
  build: (dependencies: ReactorDependencies) => TReactor,
  bus: () => RecordingCommandBus = () => new RecordingCommandBus(),
) {
  return {
    given: (history: readonly StoredEvent[]) => ({
      when: (event: StoredEvent) => {
        const sent = async (): Promise<ICommand[]> => {
          const dependencies = { store: await storeWith(history), commandBus: bus() };
          const reactor = build(dependencies) as unknown as { react(event: StoredEvent): Promise<void> };
          await reactor.react(event);
          return dependencies.commandBus.sent;
        };
        return {
          /** The commands sent, in order, for assertions beyond `then`. */
          sent,
          then: async (expected: readonly ICommand[]): Promise<void> => {
            expect(await sent()).toEqual(expected);
          },
          thenSendsNothing: async (): Promise<void> => {
            expect(await sent()).toEqual([]);
          },
        };
      },
    }),
  };
}

async function storeWith(history: readonly StoredEvent[]): Promise<InMemoryEventStore> {
  let at = new Date(0);
  const store = new InMemoryEventStore(() => at);
  for (const event of history) {
    at = event.recordedAt;
    await store.append(
      event.streamId,
      [
        {
          eventId: event.eventId,
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
          metadata: event.metadata,
        },
      ],
      event.streamVersion === 0 ? 'no-stream' : event.streamVersion - 1,
    );
  }
  return store;
}

/** A sent command as a process write on an aggregate: its id, the domain command and the event-id source. */
export function processWriteOf<TCommand extends Command>(
  sent: ICommand | undefined,
): { readonly id: string } & ProcessWrite<TCommand> {
  if (!(sent instanceof AggregateWrite)) throw new Error(`expected an aggregate write, got ${JSON.stringify(sent)}`);
  const write = sent as AggregateWrite<TCommand>;
  if (write.request.by !== 'process') throw new Error(`expected a process write, got one by ${write.request.by}`);
  return { id: write.id, ...write.request };
}
