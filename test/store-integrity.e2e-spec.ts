import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreIntegrity } from '@dul/platform';
import * as examples from '../apps/licensing/dto/examples';
import { startLicensing } from './support/licensing-harness';

describe('boot integrity check', () => {
  it('a store edited behind the service boots but reports not ok on /health, naming the event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dul-integrity-'));
    try {
      const first = await startLicensing({}, { dir });
      const token = await first.token('alice', 'DE', ['caseworker']);
      const submitted = await first
        .http()
        .post('/v1/applications')
        .set('authorization', `Bearer ${token}`)
        .send(examples.EXAMPLE_SUBMIT_APPLICATION)
        .expect(201);
      const healthy = await first.http().get('/health').expect(200);
      expect(healthy.body.info.integrity).toMatchObject({ status: 'up' });
      await first.close();

      // As an owner of the file would: drop the append-only trigger and edit the quantity.
      const db = new Database(join(dir, 'ledger.db'));
      db.exec('DROP TRIGGER events_append_only_update');
      db.prepare(
        'UPDATE events SET data = replace(data, \'"quantity":2\', \'"quantity":2000\') WHERE stream_id = ?',
      ).run(`application-${submitted.body.id as string}`);
      db.close();

      const second = await startLicensing({}, { dir });
      try {
        const damaged = await second.http().get('/health').expect(503);
        expect(damaged.body).toMatchObject({ statusCode: 503 });
        // The error filter gives /health's 503 the common error shape; the findings are in the log and here.
        expect(second.app.get(StoreIntegrity).status()).toMatchObject({
          ok: false,
          problems: [
            expect.objectContaining({
              kind: 'altered',
              streamId: `application-${submitted.body.id as string}`,
              streamVersion: 0,
            }),
          ],
        });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
