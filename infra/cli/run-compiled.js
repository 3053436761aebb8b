#!/usr/bin/env node
/*
 * Runs a TypeScript entry point of this repository as compiled JavaScript, so `npm run token`,
 * `seed` and `report` start in well under a second instead of paying ts-node's transpilation at
 * every call (issue 12). The first call after a source change compiles once (tsc -p
 * tsconfig.cli.json, incremental, into dist/); later calls only compare modification times.
 *
 *   node infra/cli/run-compiled.js infra/auth/mint-token.ts --sub alice ...
 *
 * Plain JavaScript on purpose: it must start without any TypeScript tooling.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const root = path.resolve(__dirname, '..', '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.cli-build-stamp');
const SOURCE_DIRS = ['apps', 'libs', 'infra/auth'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'tsconfig.cli.json', 'package-lock.json'];

function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(full);
      } else if (/\.(ts|json)$/.test(entry.name)) {
        newest = Math.max(newest, fs.statSync(full).mtimeMs);
      }
    }
  };
  for (const dir of SOURCE_DIRS) visit(path.join(root, dir));
  for (const file of CONFIG_FILES) newest = Math.max(newest, fs.statSync(path.join(root, file)).mtimeMs);
  return newest;
}

function ensureCompiled(output) {
  const built = fs.existsSync(stamp) && fs.existsSync(output) ? fs.statSync(stamp).mtimeMs : -1;
  if (built >= newestSource()) return;
  process.stderr.write('run-compiled: compiling (once per source change)...\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  fs.writeFileSync(stamp, new Date().toISOString());
}

const [entry, ...args] = process.argv.slice(2);
if (!entry || !entry.endsWith('.ts')) {
  process.stderr.write('Usage: node infra/cli/run-compiled.js <entry.ts> [args...]\n');
  process.exit(2);
}
const output = path.join(dist, path.relative(root, path.resolve(root, entry)).replace(/\.ts$/, '.js'));
ensureCompiled(output);

// The @dul/* aliases of tsconfig.json (exact names, one target each), resolved against the compiled
// tree. A direct lookup instead of tsconfig-paths, whose own loading cost a fifth of the start-up.
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
const aliases = new Map(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(dist, target)]),
);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const target = aliases.get(request);
  return resolveFilename.call(this, target === undefined ? request : target, ...rest);
};

// Run it as the main module, so `require.main === module` and parseArgs see the script's own argv.
process.argv = [process.argv[0], output, ...args];
Module.runMain();
