import { openSqliteDatabase } from './sqlite-database';
import { sqliteReadAllStatement } from './sqlite-event-store.adapter';

/** SQLite's plan for a statement, one line per step. */
function planOf(statement: { sql: string; params: (string | number)[] }): string[] {
  const db = openSqliteDatabase(':memory:');
  try {
    return db
      .prepare<(string | number)[], { detail: string }>(`EXPLAIN QUERY PLAN ${statement.sql}`)
      .all(...statement.params)
      .map((row) => row.detail);
  } finally {
    db.close();
  }
}

describe('SQLite readAll statement', () => {
  it('reads each requested type from its own index range in position order and merges the ranges, never sorting the rest of the log', () => {
    const plan = planOf(sqliteReadAllStatement({ after: 10, maxCount: 500, eventTypes: ['A', 'B', 'C'] }));
    // The top step merges ordered ranges; with `type IN (...)` it was one index search whose every
    // match after the position went through a temporary B-tree before the LIMIT applied.
    expect(plan[0]).toBe('MERGE (UNION ALL)');
    const searches = plan.filter((step) => step.startsWith('SEARCH') || step.startsWith('SCAN events'));
    expect(searches).toEqual(Array(3).fill('SEARCH events USING INDEX events_by_type (type=? AND global_position>?)'));
  });

  it('reads each requested category from its own index range the same way', () => {
    const plan = planOf(sqliteReadAllStatement({ after: 0, maxCount: 100, categories: ['application', 'licence'] }));
    expect(plan[0]).toBe('MERGE (UNION ALL)');
    expect(plan.filter((step) => step.startsWith('SEARCH') || step.startsWith('SCAN events'))).toEqual(
      Array(2).fill('SEARCH events USING INDEX events_by_category (category=? AND global_position>?)'),
    );
  });

  it('reads a type named twice once', () => {
    const { params } = sqliteReadAllStatement({ after: 0, maxCount: 5, eventTypes: ['A', 'A'] });
    expect(params).toEqual(['A', 0, 5, 5]);
  });
});
