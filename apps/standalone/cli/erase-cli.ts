import { parseArgs } from 'node:util';
import { eraseSubject } from '@dul/platform';
import { CONSULTATION_PROJECTIONS } from '../../consultation/consultation.projections';
import { LICENSING_PROJECTIONS } from '../../licensing/licensing.projections';
import { REPORTING_PROJECTIONS } from '../../reporting/reporting.projections';
import { cliPersistence } from './cli-persistence';

const USAGE = `npm run erase -- --subject <64 hex digits>
npm run erase -- --name "Jana Novakova" --country DE
Erases a data subject (GDPR Art 17, crypto-shredding): deletes its keys, so every personal-data field
encrypted under them reads as [erased] from now on, and drops every read model so the running services
rebuild them from the events. The hash chains still verify. Copies already delivered elsewhere (Kafka
topics, other authorities) are not recalled.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      subject: { type: 'string' },
      name: { type: 'string' },
      country: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const bySubject = values.subject !== undefined;
  if (bySubject && !/^[0-9a-f]{64}$/.test(values.subject ?? ''))
    return fail('--subject must be 64 lowercase hex digits');
  if (!bySubject && (!values.name?.trim() || !/^[A-Za-z]{2}$/.test(values.country ?? ''))) {
    return fail('give --subject, or --name with --country (ISO 3166-1 alpha-2) as recorded for the party');
  }
  const persistence = await cliPersistence();
  try {
    const readModels = [...LICENSING_PROJECTIONS, ...CONSULTATION_PROJECTIONS, ...REPORTING_PROJECTIONS].map(
      (projection) => projection.name,
    );
    const result = await eraseSubject(
      persistence,
      bySubject ? { subjectId: values.subject } : { name: values.name, country: values.country },
      readModels,
      new Date(),
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.stderr.write(
      result.keysErased > 0
        ? `subject ${result.subjectId} erased (${result.keysErased} key(s)); read models reset: ${result.readModelsReset.join(', ')}\n`
        : `subject ${result.subjectId} has no key to erase (already erased, or never recorded)\n`,
    );
  } finally {
    await persistence.close();
  }
}

function fail(message: string): void {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exitCode = 2;
}

void main();
