import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { AUDIENCES, TOPICS } from './audiences';
import { CONTRACTS, PUBLISHED_TYPES, publishedSchema, schemaId, typesFor } from './catalogue';
import { validateContractData } from './contract-validator';
import { AUTHORITIES_SAMPLES, denialNotified } from './testing/authorities.samples';

const SCHEMAS_DIR = join(__dirname, '..', 'schemas');

describe('published contracts', () => {
  it('names every type eu.dual-use.<subject>.<event>.v<version>', () => {
    for (const type of PUBLISHED_TYPES) expect(type).toMatch(/^eu\.dual-use\.[a-z-]+\.[a-z-]+\.v[1-9][0-9]*$/);
  });

  it('checks in the JSON Schema of every published type, equal to the contract (run scripts/write-schemas.ts)', () => {
    const files = readdirSync(SCHEMAS_DIR).filter((file) => file.endsWith('.json'));
    expect(files.sort()).toEqual(PUBLISHED_TYPES.map((type) => `${type}.json`).sort());
    for (const type of PUBLISHED_TYPES) {
      const checkedIn: unknown = JSON.parse(readFileSync(join(SCHEMAS_DIR, `${type}.json`), 'utf8'));
      expect({ type, schema: checkedIn }).toEqual({ type, schema: publishedSchema(type) });
    }
  });

  it('writes every schema as JSON Schema draft 2020-12 that compiles in strict mode', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    for (const type of PUBLISHED_TYPES) {
      const schema = publishedSchema(type);
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema['$id']).toBe(schemaId(type));
      expect(() => ajv.compile(schema)).not.toThrow();
    }
  });

  it('publishes every type to at least one audience, and every audience has a topic and types', () => {
    for (const type of PUBLISHED_TYPES) expect(CONTRACTS[type].audiences.length).toBeGreaterThan(0);
    for (const audience of AUDIENCES) {
      expect(TOPICS[audience].audience).toBe(audience);
      expect(TOPICS[audience].partitions).toBeGreaterThan(0);
      expect(typesFor(audience).length).toBeGreaterThan(0);
    }
    expect(new Set(AUDIENCES.map((audience) => TOPICS[audience].name)).size).toBe(AUDIENCES.length);
  });

  it('sends Art 16 notifications to the authorities and the Commission, consultations to authorities only', () => {
    expect(CONTRACTS['eu.dual-use.denial.notified.v1'].audiences).toEqual(['authorities', 'commission']);
    expect(CONTRACTS['eu.dual-use.grant-despite-denial.notified.v1'].audiences).toEqual(['authorities', 'commission']);
    expect(CONTRACTS['eu.dual-use.consultation.opened.v1'].audiences).toEqual(['authorities']);
    // Customs reads licences and the registrations of general-authorisation users.
    expect(
      typesFor('customs').every(
        (type) => type.startsWith('eu.dual-use.licence.') || type.startsWith('eu.dual-use.general-authorisation.'),
      ),
    ).toBe(true);
  });

  it('addresses every authorities message: recipients (member states, Commission yes/no) for per-member-state filtering', () => {
    for (const type of typesFor('authorities')) {
      const schema = publishedSchema(type) as { required: string[]; properties: Record<string, unknown> };
      expect({ type, required: schema.required.includes('recipients') }).toEqual({ type, required: true });
      expect(schema.properties['recipients']).toMatchObject({
        type: 'object',
        required: ['memberStates', 'commission'],
      });
    }
  });

  it.each(Object.entries(AUTHORITIES_SAMPLES))(
    'accepts typed samples of %s (TS type and schema agree)',
    (type, samples) => {
      for (const sample of samples) {
        expect(validateContractData(type, sample, { strict: true })).toEqual({ valid: true, errors: [] });
      }
    },
  );

  it('lets a published version gain an optional field: tolerant readers accept it, producer tests do not', () => {
    const evolved = { ...denialNotified, caseReference: 'FR-2025-17' };
    expect(validateContractData('eu.dual-use.denial.notified.v1', evolved).valid).toBe(true);
    expect(validateContractData('eu.dual-use.denial.notified.v1', evolved, { strict: true }).errors).toEqual([
      '/ must NOT have additional properties',
    ]);
  });

  it('rejects data that breaks the contract, naming the field', () => {
    const { endUser: _endUser, ...withoutEndUser } = denialNotified;
    const result = validateContractData('eu.dual-use.denial.notified.v1', {
      ...withoutEndUser,
      notifyingMemberState: 'fr',
      decidedOn: '10/03/2025',
    });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        "/ must have required property 'endUser'",
        '/notifyingMemberState must match pattern "^[A-Z]{2}$"',
        '/decidedOn must match format "date"',
      ]),
    );
    expect(validateContractData('eu.dual-use.denial.notified.v9', denialNotified).errors).toEqual([
      'unknown published type eu.dual-use.denial.notified.v9',
    ]);
  });
});
