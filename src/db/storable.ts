// What PostgreSQL can store. A text or jsonb value may not contain U+0000, and a jsonb string may not
// contain a lone UTF-16 surrogate (JSON.stringify writes it as a `\udXXX` escape, which jsonb refuses
// with SQLSTATE 22P05). PDF text and model output produce both. One home for the cleaning, used before
// every settle and every cache write (issue 15: one such string failed a whole completion batch,
// was retried for the whole lease and ended as a misleading `lease_expired`).
// Pure and dependency-free: the gateway (Deno) stores cache rows through it too.

// Without the `u` flag a regular expression sees UTF-16 code units, which is what we need here.
const SUSPECT = /[\u0000\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A string PostgreSQL accepts: NUL removed, each lone surrogate replaced by U+FFFD. */
export function storableString(s: string): string {
  if (!SUSPECT.test(s)) return s;
  return s.replace(/\u0000/g, '').replace(LONE_SURROGATE, '\ufffd');
}

/**
 * JSON text for a jsonb parameter with every string — values and keys — made storable.
 * `undefined` becomes null (a result must be something).
 */
export function storableJson(value: unknown): string {
  const v = value === undefined ? null : value;
  // Fast path: JSON.stringify writes U+0000 and a lone surrogate only as `\u0000` / `\udXXX`
  // escapes, so text without such an escape has nothing to clean. A replacer function runs for
  // every key and value (bench:queue's daemon spent ~3 µs a job in it on completion batches).
  // An escaped backslash followed by "u0000" also matches; it only takes the slow path.
  const fast = JSON.stringify(v) ?? 'null';
  if (!ESCAPED_SUSPECT.test(fast)) return fast;
  return JSON.stringify(v, replacer) ?? 'null';
}

const ESCAPED_SUSPECT = /\\u(?:0000|d[89a-f])/i;

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'string') return storableString(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    // Keys pass through the replacer untouched: rebuild the object only when a key needs it.
    const keys = Object.keys(value);
    if (keys.some((k) => SUSPECT.test(k))) {
      const out: Record<string, unknown> = {};
      for (const k of keys) out[storableString(k)] = (value as Record<string, unknown>)[k];
      return out;
    }
  }
  return value;
}

/**
 * A data exception (SQLSTATE class 22: invalid text, numeric out of range, bad escape…): the values
 * themselves are wrong, so sending the same statement again can never succeed.
 */
export function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.length === 5 && code.startsWith('22');
}
