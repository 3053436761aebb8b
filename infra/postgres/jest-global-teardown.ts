import { Client } from 'pg';
import { adminUrl, isReachable } from './postgres-admin';

/** Drops test databases a crashed run left behind (each suite drops its own on success). */
export default async function globalTeardown(): Promise<void> {
  if (!(await isReachable()).ok) return;
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'dul\\_test\\_%' AND datname LIKE $1`,
      [`dul_test_%`],
    );
    for (const { datname } of rows) {
      const pid = Number(datname.split('_')[2]);
      // Leave databases of runs that are still alive alone.
      if (pid && isAlive(pid) && pid !== process.pid) continue;
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
