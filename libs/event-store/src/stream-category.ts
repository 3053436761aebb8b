/**
 * The streams of one aggregate kind: `<name>-<id>`, such as `application-42`. The one place an id
 * becomes a stream id and a stream id an id again; stored stream ids depend on this exact form.
 * No category's name may be another's followed by a dash, or the two would claim each other's streams.
 */
export class StreamCategory {
  private readonly prefix: string;

  constructor(readonly name: string) {
    this.prefix = `${name}-`;
  }

  /** The stream of the aggregate with this id. */
  streamOf(id: string): string {
    return `${this.prefix}${id}`;
  }

  /** Whether the stream belongs to this category. */
  owns(streamId: string): boolean {
    return streamId.startsWith(this.prefix);
  }

  /** The aggregate id of a stream of this category; a stream of another category is a programming error. */
  idOf(streamId: string): string {
    const id = this.idOrNull(streamId);
    if (id === null) throw new Error(`Stream ${streamId} is not in category ${this.name}`);
    return id;
  }

  /** The aggregate id, or null for a stream of another category (for projections that see every stream). */
  idOrNull(streamId: string): string | null {
    return this.owns(streamId) ? streamId.slice(this.prefix.length) : null;
  }
}
