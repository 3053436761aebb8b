import { hasInvisibleCharacters, sameSubject, subjectKey } from './subject.rules';

describe('subject comparison for four-eyes', () => {
  it.each([
    ['eve', 'EVE'],
    ['eve', 'Eve'],
    ['eve', '\uff45\uff56\uff45'], // fullwidth
    ['strauß', 'STRAUSS'],
    ['café', 'cafe\u0301'], // composed vs decomposed
    ['anna@bafa', 'ANNA@BAFA'],
  ])('treats %j and %j as the same person', (a, b) => {
    expect(sameSubject(a, b)).toBe(true);
  });

  it.each([
    ['eve', 'eva'],
    ['anna@bafa', 'anna@bafa.de'],
  ])('keeps %j and %j apart', (a, b) => {
    expect(sameSubject(a, b)).toBe(false);
  });

  it('folds to a stable key', () => {
    expect(subjectKey('ÉVE')).toBe('éve');
  });
});

describe('subjects that hold whitespace or invisible characters', () => {
  it.each([
    'eve ',
    ' eve',
    'e ve',
    'eve\u200b',
    'eve\u00ad',
    'eve\u2060',
    'eve\ufeff',
    'eve\u0007',
    'eve\u3164',
    'eve\u202e',
    'eve\u00a0',
  ])('finds one in %j', (subject) => {
    expect(hasInvisibleCharacters(subject)).toBe(true);
  });

  it.each(['eve', 'anna.weber@bafa.example', 'Ελένη', 'user_42-x', 'auth0|abc123'])('finds none in %j', (subject) => {
    expect(hasInvisibleCharacters(subject)).toBe(false);
  });
});
