import { MEMBER_STATE_CODES } from '@dul/domain';
import { toCloudEvent } from './cloud-events';
import { validateContractData } from './contract-validator';
import type { SourceEvent } from './integration-event';
import { needsMappingContext, toIntegrationEvents } from './integration.mapper';
import { IntegrationMappingError } from './mapping';

const ROOT = 'a3f1c0de'.repeat(8);

const sealed = (data: Record<string, unknown> = {}): SourceEvent => ({
  eventId: '6f1d3a5e-0c1b-5d2e-9f4a-1b2c3d4e5f60',
  streamId: 'auditroot-2026-12-01',
  type: 'AuditRootSealed',
  data: {
    day: '2026-12-01',
    coveredUpTo: 1234,
    streams: 310,
    root: ROOT,
    algorithm: 'merkle-sha256',
    legacyUpTo: 0,
    ...data,
  },
  metadata: { actor: 'system:daily-root' },
  recordedAt: '2026-12-02T00:01:00.000Z',
  globalPosition: 1235,
  streamVersion: 0,
});

describe('daily root publication (eu.dual-use.audit.daily-root-sealed.v1)', () => {
  it('publishes every sealed root to the authorities and the Commission, addressed to every member state', () => {
    const events = toIntegrationEvents(sealed());
    expect(events.map((event) => event.audience)).toEqual(['authorities', 'commission']);
    for (const event of events) {
      expect(event).toMatchObject({
        type: 'eu.dual-use.audit.daily-root-sealed.v1',
        key: '2026-12-01',
        subject: 'audit-roots/2026-12-01',
        id: `6f1d3a5e-0c1b-5d2e-9f4a-1b2c3d4e5f60:${event.audience}`,
        time: '2026-12-02T00:01:00.000Z',
        position: 1235,
      });
      expect(event.data).toEqual({
        day: '2026-12-01',
        root: ROOT,
        algorithm: 'merkle-sha256',
        coveredUpTo: 1234,
        streams: 310,
        legacyUpTo: 0,
        sealedAt: '2026-12-02T00:01:00.000Z',
        recipients: { memberStates: [...MEMBER_STATE_CODES], commission: true },
      });
      expect(validateContractData(event.type, event.data, { strict: true })).toEqual({ valid: true, errors: [] });
      expect(() => toCloudEvent(event, 'urn:test')).not.toThrow();
    }
    expect(MEMBER_STATE_CODES).toHaveLength(27);
  });

  it('needs no mapping context: the root event is whole', () => {
    expect(needsMappingContext(sealed())).toBe(false);
  });

  it('refuses to publish a root sealed with an algorithm the contract does not name', () => {
    expect(() => toIntegrationEvents(sealed({ algorithm: 'merkle-sha3-256' }))).toThrow(IntegrationMappingError);
    expect(() => toIntegrationEvents(sealed({ root: undefined }))).toThrow(IntegrationMappingError);
  });

  it('refuses a root that is not 64 lowercase hex digits, naming the field', () => {
    const [event] = toIntegrationEvents(sealed());
    const result = validateContractData('eu.dual-use.audit.daily-root-sealed.v1', { ...event?.data, root: 'XYZ' });
    expect(result.errors).toEqual(['/root must match pattern "^[0-9a-f]{64}$"']);
  });
});
