// The rules every untrusted value obeys, whatever the job type, checked before any schema sees it:
// only plain objects and arrays; no `__proto__`, `constructor` or `prototype` keys (prototype
// pollution through a later merge); no NUL byte in any string (Postgres text refuses them and they
// hide content from logs); finite numbers; at most 32 levels deep, so the recursive schema checker
// after this scan never walks a value built to exhaust its stack.
import type { Problem } from './problems.ts';

const MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Every place in `v` that breaks the rules above, with its field path (`input.context.when`). */
export function scanUntrusted(v: unknown, path: string, problems: Problem[] = [], depth = 0): Problem[] {
  if (depth > MAX_DEPTH) {
    problems.push({ path, message: 'nested too deeply' });
  } else if (typeof v === 'string') {
    if (v.includes('\u0000')) problems.push({ path, message: 'must not contain NUL bytes' });
  } else if (typeof v === 'number') {
    if (!Number.isFinite(v)) problems.push({ path, message: 'must be a finite number' });
  } else if (v === null || typeof v === 'boolean') {
    // plain JSON
  } else if (Array.isArray(v)) {
    v.forEach((item, i) => scanUntrusted(item, `${path}[${i}]`, problems, depth + 1));
  } else if (!isPlainObject(v)) {
    problems.push({ path, message: 'must be a plain JSON value' });
  } else {
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) problems.push({ path: `${path}.${key}`, message: 'forbidden key' });
      else scanUntrusted(v[key], `${path}.${key}`, problems, depth + 1);
    }
  }
  return problems;
}
