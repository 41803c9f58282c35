/**
 * The only environment variables a process that reads untrusted files gets (a reader process, and
 * the Tesseract and pdftoppm children it runs): never the database address, passwords, key file
 * paths or anything else of its parent's configuration.
 */
export const READER_ENVIRONMENT = [
  'PATH',
  'HOME',
  'TMPDIR',
  'TZ',
  'LANG',
  'LC_ALL',
  'NODE_ENV',
  'TESSDATA_PREFIX',
] as const;

/** The variables of READER_ENVIRONMENT this process has, plus `extra`. */
export function readerEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of READER_ENVIRONMENT) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, ...extra };
}
