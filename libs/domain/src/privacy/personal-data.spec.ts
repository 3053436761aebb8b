import { findPersonalData, partySubject } from './personal-data';
import { parseRetentionOverrides, retentionDue } from './retention';

describe('personal data of natural persons', () => {
  it('finds the name, address and identifier of every party wherever it sits in an event', () => {
    const data = {
      content: {
        exporter: {
          name: 'Jana Novakova',
          address: 'Lindenweg 12',
          identifier: { scheme: 'EORI', value: 'DE1' },
          country: 'DE',
        },
        endUser: { name: 'Meridional', address: 'Rio', country: 'BR' },
        consignee: null,
        otherParties: [{ role: 'AGENT', name: 'Carvalho', address: 'SP', country: 'BR' }],
        items: [{ description: 'probe', quantity: 2 }],
      },
      packet: { holder: { name: 'H', address: 'A', country: 'FR' } },
    };
    expect(findPersonalData(data).map((field) => field.path.join('.'))).toEqual([
      'content.exporter.name',
      'content.exporter.address',
      'content.exporter.identifier.value',
      'content.endUser.name',
      'content.endUser.address',
      'content.otherParties.0.name',
      'content.otherParties.0.address',
      'packet.holder.name',
      'packet.holder.address',
    ]);
  });

  it('one subject per party: case, accents and spacing of the name do not make another subject', () => {
    expect(partySubject('Jana  NOVÁKOVÁ', 'de')).toBe(partySubject('jana novakova', 'DE'));
    expect(partySubject('Jana Novakova', 'CZ')).not.toBe(partySubject('Jana Novakova', 'DE'));
  });
});

describe('retention (Art 27: five years from the end of the year, per member state)', () => {
  const policy = { defaultYears: 5, byMemberState: parseRetentionOverrides('DE=10') };
  const cases = [
    {
      streamId: 'application-fr',
      memberState: 'FR',
      lastRecordedAt: new Date('2020-06-30T00:00:00Z'),
      lastEventType: 'X',
    },
    {
      streamId: 'application-de',
      memberState: 'DE',
      lastRecordedAt: new Date('2020-06-30T00:00:00Z'),
      lastEventType: 'X',
    },
  ];

  it('a case is due on 1 January after five full years following the year of its last event', () => {
    expect(retentionDue(cases, new Date('2025-12-31T23:59:59Z'), policy)).toEqual([]);
    expect(retentionDue(cases, new Date('2026-01-01T00:00:00Z'), policy).map((due) => due.streamId)).toEqual([
      'application-fr',
    ]);
  });

  it('a member state may keep records longer, never shorter than five years', () => {
    expect(retentionDue(cases, new Date('2031-01-01T00:00:00Z'), policy).map((due) => due.retentionYears)).toEqual([
      5, 10,
    ]);
    expect(() => parseRetentionOverrides('DE=3')).toThrow(/at least 5 years/);
    expect(() => parseRetentionOverrides('Germany=10')).toThrow(/DE=10/);
  });
});
