// The error-code catalogue knows every code the source raises, and every code with a user message.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { JOB_ERROR_CODES, hasCode, hasCodeIn, MEDIA_PROBLEM_CODES } from '../src/error-codes.ts';
import { PermanentError, USER_MESSAGES } from '../src/errors.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'dev' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

test('every code in USER_MESSAGES is in the catalogue', () => {
  const known = new Set<string>(JOB_ERROR_CODES);
  assert.deepEqual(
    Object.keys(USER_MESSAGES).filter((c) => !known.has(c)),
    [],
  );
});

test('every code the source raises with a literal is in the catalogue', () => {
  const known = new Set<string>(JOB_ERROR_CODES);
  const raised = new Set<string>();
  for (const file of sources('src')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/new (?:Permanent|Transient|RetryAfter|Cancelled)Error\(\s*'([a-z_]+)'/g)) raised.add(m[1]!);
  }
  assert.ok(raised.size > 10, `found ${raised.size} raised codes`);
  assert.deepEqual([...raised].filter((c) => !known.has(c)).sort(), []);
});

test('hasCode and hasCodeIn compare the code', () => {
  const err = new PermanentError('infeasible', 'sem solução');
  assert.equal(hasCode(err, 'infeasible'), true);
  assert.equal(hasCode(err, 'timeout'), false);
  assert.equal(hasCodeIn(new PermanentError('pdf_no_text', 'x'), MEDIA_PROBLEM_CODES), true);
  assert.equal(hasCodeIn(err, MEDIA_PROBLEM_CODES), false);
});
