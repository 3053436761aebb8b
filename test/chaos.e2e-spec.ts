import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../infra/postgres/test-database';
import { describeWithKafka, testBrokers } from '../infra/kafka/test-kafka';
import { runChaos } from './chaos/chaos-run';

// The short form of `npm run chaos` (which does 20+ kills; its figures are in docs/reliability.md).
describeWithPostgres('chaos (short form): SIGKILLs of the API service and the relay under load on PostgreSQL', () => {
  describeWithKafka('with Kafka', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('loses and duplicates no acknowledged write, leaves no stream hole, keeps read models equal to a rebuild and delivers every event to Kafka, and the hash chains verify', async () => {
      const report = await runChaos({
        databaseUrl: database.url,
        kafkaBrokers: testBrokers().join(','),
        kills: 4,
        maxRequests: 400,
        maxDurationMs: 90_000,
        concurrency: 2,
        apiPort: 3155,
        relayPort: 3156,
      });
      expect(report.kills).toEqual({ api: 2, relay: 2 });
      expect(report.acknowledged).toBeGreaterThan(0);
      expect(report.kafkaExpected).toBeGreaterThan(0);
      expect({
        missingAcknowledged: report.missingAcknowledged,
        duplicated: report.duplicated,
        streamHoles: report.streamHoles,
        projectionMismatches: report.projectionMismatches,
        undeliveredToKafka: report.undeliveredToKafka,
        chainProblems: report.chainProblems,
      }).toEqual({
        missingAcknowledged: [],
        duplicated: [],
        streamHoles: [],
        projectionMismatches: [],
        undeliveredToKafka: [],
        chainProblems: [],
      });
    }, 600_000);
  });
});
