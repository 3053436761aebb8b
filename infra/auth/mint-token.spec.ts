import { parseMintArgs } from './mint-token';

function problems(argv: string[]): readonly string[] {
  const parsed = parseMintArgs(argv);
  if (parsed.kind !== 'invalid') throw new Error(`expected invalid arguments, got ${parsed.kind}`);
  return parsed.problems;
}

describe('mint-token arguments', () => {
  it('reads a full command line, normalising EL to GR', () => {
    const parsed = parseMintArgs([
      '--ms',
      'el',
      '--roles',
      'caseworker, approver',
      '--sub',
      'alice',
      '--expires',
      '2h',
    ]);
    expect(parsed).toEqual({
      kind: 'mint',
      request: {
        keyPath: './data/dev-jwt-key.json',
        claims: { sub: 'alice', ms: 'GR', roles: ['caseworker', 'approver'], expiresIn: '2h' },
      },
    });
  });

  it('defaults to 8 hours and takes --key and --audiences', () => {
    const parsed = parseMintArgs([
      '--roles',
      'agency',
      '--sub',
      'customs',
      '--audiences',
      'licences,denials',
      '--key',
      'k.json',
    ]);
    expect(parsed).toEqual({
      kind: 'mint',
      request: {
        keyPath: 'k.json',
        claims: { sub: 'customs', ms: null, roles: ['agency'], expiresIn: '8h', audiences: ['licences', 'denials'] },
      },
    });
  });

  it('answers --help with the usage', () => {
    expect(parseMintArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('reports every problem at once', () => {
    expect(problems(['--ms', 'XX', '--roles', 'caseworker,boss', '--expires', '8y'])).toEqual([
      '--sub is required (the user or client id)',
      '--roles: unknown role boss (known: caseworker, approver, auditor, commission, agency)',
      "--ms: 'XX' is not an EU member state code (e.g. DE, FR, EL or GR)",
      "--expires: '8y' must be a number followed by s, m, h or d (e.g. 30m, 8h, 7d)",
    ]);
  });

  it('requires a member state for authority roles', () => {
    expect(problems(['--roles', 'auditor', '--sub', 'a'])).toEqual(['--ms is required for the role auditor']);
  });

  it.each([
    [['--sub', 'a', '--roles', 'commission', '--colour', 'red'], /Unknown option '--colour'/],
    [['--sub', 'a', '--roles'], /argument missing/],
    [['--sub', 'a', '--roles', 'commission', 'extra'], /Unexpected argument 'extra'|positional/],
  ])('refuses %j', (argv, message) => {
    expect(problems(argv).join('\n')).toMatch(message);
  });
});
