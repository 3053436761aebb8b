import { openSqliteDatabase, PREPARED_STATEMENT_CACHE_SIZE } from './sqlite-database';

describe('openSqliteDatabase', () => {
  it('prepares each SQL text once and reuses the statement, with the same results as a fresh one', () => {
    const db = openSqliteDatabase(':memory:');
    try {
      db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
      const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
      expect(db.prepare('INSERT INTO t (v) VALUES (?)')).toBe(insert);
      insert.run('a');
      db.prepare('INSERT INTO t (v) VALUES (?)').run('b');
      const select = 'SELECT v FROM t WHERE id > ? ORDER BY id';
      expect(db.prepare(select).all(0)).toEqual([{ v: 'a' }, { v: 'b' }]);
      expect(db.prepare(select).all(1)).toEqual([{ v: 'b' }]);
    } finally {
      db.close();
    }
  });

  it('a cached statement sees a column added after it was prepared (SQLite recompiles it)', () => {
    const db = openSqliteDatabase(':memory:');
    try {
      db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
      db.prepare('INSERT INTO t DEFAULT VALUES').run();
      expect(db.prepare('SELECT * FROM t').all()).toEqual([{ id: 1 }]);
      db.exec("ALTER TABLE t ADD COLUMN v TEXT DEFAULT 'x'");
      expect(db.prepare('SELECT * FROM t').all()).toEqual([{ id: 1, v: 'x' }]);
    } finally {
      db.close();
    }
  });

  it('the statement cache is bounded: past its size it starts afresh and still answers', () => {
    const db = openSqliteDatabase(':memory:');
    try {
      const first = db.prepare('SELECT 0 AS n');
      for (let n = 1; n <= PREPARED_STATEMENT_CACHE_SIZE + 10; n++) {
        expect(db.prepare(`SELECT ${n} AS n`).get()).toEqual({ n });
      }
      expect(db.prepare('SELECT 0 AS n')).not.toBe(first);
      expect(db.prepare('SELECT 0 AS n').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
