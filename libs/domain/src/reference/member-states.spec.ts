// test/fixtures holds a copy of the shared fixtures (../shared/domain/fixtures), so CI does not depend on where the clone lives.
import fixture from '../../../../test/fixtures/member-states.json';
import {
  MEMBER_STATES,
  MEMBER_STATE_CODES,
  isMemberState,
  normaliseCountryCode,
  normaliseMemberState,
  otherMemberStates,
} from './member-states';

describe('member states', () => {
  it('embeds exactly the 27 member states of the shared fixture, with their names', () => {
    expect(MEMBER_STATES).toHaveLength(27);
    expect(MEMBER_STATES.map(({ code, name }) => ({ code, name }))).toEqual(
      fixture.memberStates.map(({ code, name }) => ({ code, name })),
    );
  });

  it('records EL as the EU-publication code of Greece, as the fixture does', () => {
    const greece = MEMBER_STATES.find((state) => state.code === 'GR');
    expect(greece).toEqual({ code: 'GR', name: 'Greece', euCode: 'EL' });
  });

  it('accepts EL and GR for Greece and stores GR', () => {
    expect(normaliseMemberState('EL')).toBe('GR');
    expect(normaliseMemberState('GR')).toBe('GR');
    expect(normaliseMemberState(' el ')).toBe('GR');
  });

  it('trims and upper-cases member state codes', () => {
    expect(normaliseMemberState(' de')).toBe('DE');
    expect(normaliseMemberState('se ')).toBe('SE');
  });

  it('names no member state for third countries, the United Kingdom or malformed codes', () => {
    for (const code of ['US', 'GB', 'UK', 'CH', 'NO', 'EU', '', 'DEU', 'D']) {
      expect(normaliseMemberState(code)).toBeUndefined();
    }
  });

  it('recognises only the stored ISO codes as member states (EL must be normalised first)', () => {
    expect(MEMBER_STATE_CODES.every(isMemberState)).toBe(true);
    expect(isMemberState('EL')).toBe(false);
    expect(isMemberState('de')).toBe(false);
    expect(isMemberState('US')).toBe(false);
  });

  it('normalises any country code to ISO alpha-2, reading EL as Greece', () => {
    expect(normaliseCountryCode(' us ')).toBe('US');
    expect(normaliseCountryCode('EL')).toBe('GR');
    expect(normaliseCountryCode('USA')).toBeUndefined();
    expect(normaliseCountryCode('1A')).toBeUndefined();
  });

  it('lists the 26 other member states as Art 16 recipients', () => {
    const others = otherMemberStates('DE');
    expect(others).toHaveLength(26);
    expect(others).not.toContain('DE');
  });
});
