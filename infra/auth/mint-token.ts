/*
 * Prints a development JWT signed with the local dev key (standalone/dev mode only). The key file is
 * created when missing, and the standalone app verifies with the same file, so tokens minted here are
 * accepted by `npm start` and survive restarts. Token on stdout; everything else on stderr.
 */
import { parseArgs } from 'node:util';
// The files themselves, not the @dul/auth index: the index also loads the Nest guard and module, which
// cost most of the CLI's start-up (issue 12: `npm run token` starts in well under a second).
import type { DevTokenClaims } from '../../libs/auth/src/dev-keys';
import {
  DEFAULT_DEV_KEY_PATH,
  DEFAULT_DEV_TOKEN_LIFETIME,
  loadOrCreateDevKey,
  mintDevToken,
  parseLifetime,
} from '../../libs/auth/src/dev-keys';
import type { Role } from '../../libs/auth/src/principal';
import { AUTHORITY_ROLES, isRole, ROLES } from '../../libs/auth/src/principal';
import { normaliseMemberState } from '@dul/domain';

export const USAGE = `Usage: npm run -s token -- --sub <id> --roles <role,...> [--ms <code>] [options]
   or: node infra/cli/run-compiled.js infra/auth/mint-token.ts --sub <id> --roles <role,...> ...

Prints a development JWT signed with the local dev key (created if missing).

  --sub <id>           subject: the user or client id (required)
  --roles <list>       comma-separated, from: ${ROLES.join(', ')} (required)
  --ms <code>          member state, e.g. DE; EL is accepted as GR (required for ${AUTHORITY_ROLES.join(', ')})
  --audiences <list>   comma-separated audiences an agency token may read
  --expires <time>     lifetime: a number and s, m, h or d (default ${DEFAULT_DEV_TOKEN_LIFETIME})
  --key <file>         dev key file (default ${DEFAULT_DEV_KEY_PATH})
  --help               this text

Example: npm run -s token -- --ms DE --roles caseworker,approver --sub alice --expires 8h`;

export interface MintRequest {
  readonly claims: DevTokenClaims;
  readonly keyPath: string;
}

export type ParsedArgs =
  | { readonly kind: 'mint'; readonly request: MintRequest }
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

/** Reads and checks the command line; every problem is reported, not just the first. */
export function parseMintArgs(argv: readonly string[]): ParsedArgs {
  let values: Partial<Record<'sub' | 'roles' | 'ms' | 'audiences' | 'expires' | 'key', string>> & { help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        sub: { type: 'string' },
        roles: { type: 'string' },
        ms: { type: 'string' },
        audiences: { type: 'string' },
        expires: { type: 'string' },
        key: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'invalid', problems: [(error as Error).message] };
  }
  if (values.help === true) return { kind: 'help' };

  const problems: string[] = [];
  const sub = values.sub?.trim() ?? '';
  if (sub === '') problems.push('--sub is required (the user or client id)');

  const roleNames = splitList(values.roles);
  const unknown = roleNames.filter((name) => !isRole(name));
  if (roleNames.length === 0) problems.push(`--roles is required (one or more of ${ROLES.join(', ')})`);
  if (unknown.length > 0) problems.push(`--roles: unknown role ${unknown.join(', ')} (known: ${ROLES.join(', ')})`);
  const roles = roleNames.filter(isRole);

  let ms: string | null = null;
  if (values.ms !== undefined) {
    ms = normaliseMemberState(values.ms) ?? null;
    if (ms === null) problems.push(`--ms: '${values.ms}' is not an EU member state code (e.g. DE, FR, EL or GR)`);
  } else {
    const needing = roles.filter((role: Role) => AUTHORITY_ROLES.includes(role));
    if (needing.length > 0) problems.push(`--ms is required for the role ${needing.join(', ')}`);
  }

  const expiresIn = values.expires ?? DEFAULT_DEV_TOKEN_LIFETIME;
  if (parseLifetime(expiresIn) === undefined) {
    problems.push(`--expires: '${expiresIn}' must be a number followed by s, m, h or d (e.g. 30m, 8h, 7d)`);
  }

  const audiences = values.audiences === undefined ? undefined : splitList(values.audiences);
  if (audiences !== undefined && audiences.length === 0) problems.push('--audiences: give at least one audience');

  const keyPath = values.key?.trim() || DEFAULT_DEV_KEY_PATH;
  if (problems.length > 0) return { kind: 'invalid', problems };
  return {
    kind: 'mint',
    request: { keyPath, claims: { sub, ms, roles, expiresIn, ...(audiences ? { audiences } : {}) } },
  };
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseMintArgs(argv);
  switch (parsed.kind) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'invalid':
      process.stderr.write(`${parsed.problems.map((problem) => `mint-token: ${problem}`).join('\n')}\n\n${USAGE}\n`);
      return 2;
    case 'mint': {
      const { claims, keyPath } = parsed.request;
      const key = await loadOrCreateDevKey(keyPath);
      if (key.created) process.stderr.write(`mint-token: created dev signing key ${keyPath}\n`);
      process.stdout.write(`${await mintDevToken(key, claims)}\n`);
      return 0;
    }
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`mint-token: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
