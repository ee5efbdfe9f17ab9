/**
 * A typed error that names where the problem is (a field path such as "script[3].device")
 * and what was expected, so scenario authors, CLI users and the build can say exactly what to fix.
 */
export class ModelError extends Error {
  readonly path: string;
  readonly expected: string;
  readonly file: string | undefined;

  constructor(path: string, expected: string, file?: string) {
    super(`${file ? `${file}: ` : ''}${path ? `${path}: ` : ''}${expected}`);
    this.name = 'ModelError';
    this.path = path;
    this.expected = expected;
    this.file = file;
  }

  inFile(file: string): ModelError {
    return new ModelError(this.path, this.expected, file);
  }
}
