import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** The spec testsuite folder: $SPEC_TESTSUITE, else ../shared/spec-testsuite beside the repo. */
export function suiteDir(): string {
  const env = process.env.SPEC_TESTSUITE;
  if (env) return resolve(env);
  const here = fileURLToPath(new URL('../../', import.meta.url));
  const p = resolve(here, '../shared/spec-testsuite');
  if (!existsSync(p)) throw new Error(`spec testsuite not found at ${p}; set SPEC_TESTSUITE`);
  return p;
}
