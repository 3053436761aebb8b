import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../..');

export interface TypeError {
  /** Path relative to the repository root. */
  readonly file: string;
  readonly message: string;
}

/**
 * Type-checks `rootFiles` (repository-relative) with the project's tsconfig, as `tsc` would, with some
 * files' text replaced or added (`files`, repository-relative or absolute paths). For tests that show
 * what the compiler refuses, or that a generated client compiles.
 */
export function typeCheck(
  rootFiles: readonly string[],
  files: Readonly<Record<string, string>> = {},
  oldProgram?: ts.Program,
): { readonly errors: readonly TypeError[]; readonly program: ts.Program } {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (config === undefined) throw new Error('tsconfig.json could not be read');
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, incremental: false };
  const replaced = new Map(Object.entries(files).map(([path, text]) => [resolve(ROOT, path), text]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    const text = replaced.get(resolve(fileName));
    return text === undefined
      ? getSourceFile.call(host, fileName, language, onError, shouldCreate)
      : ts.createSourceFile(fileName, text, language, true);
  };
  host.fileExists = (fileName) => replaced.has(resolve(fileName)) || fileExists.call(host, fileName);
  host.readFile = (fileName) => replaced.get(resolve(fileName)) ?? readFile.call(host, fileName);
  host.directoryExists = (directory) =>
    [...replaced.keys()].some((path) => dirname(path).startsWith(resolve(directory))) ||
    ts.sys.directoryExists(directory);
  const program = ts.createProgram({
    rootNames: rootFiles.map((file) => resolve(ROOT, file)),
    options,
    host,
    ...(oldProgram !== undefined && { oldProgram }),
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => ({
      file: diagnostic.file === undefined ? '' : diagnostic.file.fileName.replace(`${ROOT}/`, ''),
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    }));
  return { errors, program };
}
