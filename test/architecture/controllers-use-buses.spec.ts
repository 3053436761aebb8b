import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

// Writes through the CommandBus, reads through the QueryBus (issue 13 item 1): a controller holds no
// store and runs no command itself. Every class decorated with @Controller under apps/ and libs/ is
// read (whatever its file is called), and every *.controller.ts file's imports too.

const ROOT = resolve(__dirname, '../..');

/** What reaches a store or runs a command without the buses, as the code names it. */
const FORBIDDEN = new Set([
  'handleCommand',
  'CommandExecution',
  'EVENT_STORE',
  'EventStore',
  'PROJECTION_STORE',
  'ProjectionStore',
  'PERSISTENCE',
  'Persistence',
  'rawEvents',
  'readStream',
  'readAll',
  'findDocuments',
  'getDocument',
  'countDocuments',
]);

export interface Offence {
  readonly file: string;
  readonly line: number;
  readonly name: string;
}

const isControllerClass = (node: ts.Node): node is ts.ClassDeclaration =>
  ts.isClassDeclaration(node) &&
  (ts.getDecorators(node) ?? []).some(
    (decorator) =>
      ts.isCallExpression(decorator.expression) &&
      ts.isIdentifier(decorator.expression.expression) &&
      decorator.expression.expression.text === 'Controller',
  );

/** The forbidden names a file's controller classes use (and, for a *.controller.ts, its imports). */
export function offencesIn(file: string, text: string): Offence[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const offences: Offence[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && FORBIDDEN.has(node.text)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      offences.push({ file, line, name: node.text });
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of source.statements) {
    if (isControllerClass(statement)) visit(statement);
    else if (file.endsWith('.controller.ts') && ts.isImportDeclaration(statement)) visit(statement);
  }
  return offences;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(spec|e2e-spec|int-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

const controllerFiles = (): string[] =>
  ['apps', 'libs']
    .flatMap((top) => sourceFiles(join(ROOT, top)))
    .filter((path) => readFileSync(path, 'utf8').includes('@Controller('));

describe('controllers use the buses', () => {
  it('no controller imports or calls handleCommand, CommandExecution, the event or projection store, or their reads: writes go through the CommandBus, reads through the QueryBus', () => {
    const files = controllerFiles();
    // The scan sees the controllers it must: the licensing, consultation, reporting, gateway and platform ones.
    expect(files.length).toBeGreaterThanOrEqual(12);
    const offences = files.flatMap((path) => offencesIn(relative(ROOT, path), readFileSync(path, 'utf8')));
    const report = offences.map(({ file, line, name }) => `${file}:${line} uses ${name}`);
    expect(report).toEqual([]);
  });

  it('the scan names the file and line of a controller that reads a store, and ignores a query handler beside it', () => {
    const text = [
      "import { Controller, Get, Inject } from '@nestjs/common';",
      "import { PROJECTION_STORE } from '@dul/projections';",
      '@QueryHandler(Something)',
      'export class SomethingHandler {',
      '  constructor(@Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore) {}',
      '}',
      "@Controller('v1/things')",
      'export class ThingsController {',
      '  constructor(@Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore) {}',
      "  @Get() list() { return this.readModels.findDocuments('things', {}); }",
      '}',
    ].join('\n');
    expect(offencesIn('apps/x/things.ts', text)).toEqual([
      { file: 'apps/x/things.ts', line: 9, name: 'PROJECTION_STORE' },
      { file: 'apps/x/things.ts', line: 9, name: 'ProjectionStore' },
      { file: 'apps/x/things.ts', line: 10, name: 'findDocuments' },
    ]);
    expect(offencesIn('apps/x/things.controller.ts', text).map((offence) => offence.line)).toEqual([2, 9, 9, 10]);
  });
});
