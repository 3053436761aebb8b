import { Client } from 'pg';
import type { ClientConfig, QueryResult, QueryResultRow } from 'pg';
import type { LeaderLock } from '../projection.port';

/**
 * Leadership through session-level advisory locks on one dedicated connection (never a pool: a pooled
 * connection would carry the lock off to whoever borrows it next). The lock lives exactly as long as
 * the session, so when the holder's process dies its connection drops, PostgreSQL releases the lock and
 * another instance's next tryAcquire wins. No lease to tune; the checkpoint compare-and-set still
 * fences a former leader that has not yet noticed it lost its session.
 *
 * Keys are hashtext('projection:' || name): two names with the same 32-bit hash share one lock, which
 * only costs parallelism, never correctness.
 */
export class PostgresLeaderLock implements LeaderLock {
  private client: Client | undefined;
  private connecting: Promise<Client> | undefined;
  private readonly held = new Set<string>();
  private closed = false;
  /** The session's queries, one at a time: every runner of the process shares this one connection. */
  private inTurn: Promise<unknown> = Promise.resolve();

  constructor(private readonly connection: string | ClientConfig) {}

  /** Also the periodic re-confirmation runners do: a held lock is still ours while the session answers. */
  async tryAcquire(name: string): Promise<boolean> {
    if (this.closed) throw new Error('PostgresLeaderLock is closed');
    const client = await this.connect();
    if (this.held.has(name)) {
      try {
        await this.query(client, 'SELECT 1');
        return true;
      } catch {
        // The session is gone and every lock with it: start over on a new one.
        this.forget(client);
        return this.tryAcquire(name);
      }
    }
    const { rows } = await this.query<{ acquired: boolean }>(
      client,
      "SELECT pg_try_advisory_lock(hashtext('projection:' || $1)) AS acquired",
      [name],
    );
    // Session locks stack; taking a name at most once per session lets release() free it fully.
    const acquired = rows[0]?.acquired === true;
    if (acquired && this.client === client) this.held.add(name);
    return acquired && this.client === client;
  }

  async release(name: string): Promise<void> {
    const client = this.client;
    if (!this.held.delete(name) || !client) return;
    await this.query(client, "SELECT pg_advisory_unlock(hashtext('projection:' || $1))", [name]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.held.clear();
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    // Ending the session releases every lock it holds at once.
    await client?.end().catch(() => undefined);
  }

  /**
   * A query on the session after the ones before it have answered. pg queues a query sent while
   * another runs, but deprecates that (removed in pg 9), and a dozen runners re-confirm at once.
   */
  private query<R extends QueryResultRow = QueryResultRow>(
    client: Client,
    text: string,
    values?: unknown[],
  ): Promise<QueryResult<R>> {
    const answer = this.inTurn.then(() => client.query<R>(text, values));
    this.inTurn = answer.catch(() => undefined);
    return answer;
  }

  private connect(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    if (!this.connecting) {
      const config: ClientConfig =
        typeof this.connection === 'string' ? { connectionString: this.connection } : this.connection;
      // Keepalives let the server notice a holder whose machine vanished without closing the socket.
      const client = new Client({ application_name: 'dul-leader-lock', keepAlive: true, ...config });
      // A dropped connection has taken our locks with it: forget them, so the next call re-acquires
      // instead of claiming a leadership it no longer has.
      client.on('error', () => this.forget(client));
      client.on('end', () => this.forget(client));
      this.connecting = client.connect().then(
        () => {
          this.connecting = undefined;
          this.client = client;
          return client;
        },
        (error: unknown) => {
          this.connecting = undefined;
          throw error;
        },
      );
    }
    return this.connecting;
  }

  private forget(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.held.clear();
    client.end().catch(() => undefined);
  }
}
