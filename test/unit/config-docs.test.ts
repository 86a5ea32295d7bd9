// Every environment variable the code reads is documented: docs/configuration.md names each one,
// and the provider and gateway pages give their defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const SOURCES = ['src/config.ts', 'src/providers/config.ts', 'src/gateway/config.ts'];
const DOCS = ['docs/configuration.md', 'docs/providers.md', 'docs/gateway.md'];

function variablesReadBy(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const names = new Set<string>();
  // Reader calls (r.int('NAME', …)) and quoted names in lists of variables.
  for (const m of text.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) names.add(m[1]!);
  return [...names];
}

test('every variable read by the configuration code is documented', () => {
  const docs = DOCS.map((f) => readFileSync(f, 'utf8')).join('\n');
  const overview = readFileSync('docs/configuration.md', 'utf8');
  const read = SOURCES.flatMap(variablesReadBy);
  assert.ok(read.length > 50, `found ${read.length} variables`);
  const undocumented = read.filter((n) => !docs.includes(`\`${n}\``));
  assert.deepEqual(undocumented, []);
  const missingFromOverview = read.filter((n) => !overview.includes(n));
  assert.deepEqual(missingFromOverview, [], 'docs/configuration.md names every variable');
});

test('the per-type cache TTL variables are documented', () => {
  const overview = readFileSync('docs/configuration.md', 'utf8');
  for (const t of ['SOFIA_IMAGE', 'MEDICAL_EXAM', 'MEAL_PLAN', 'UNIFIED_ASSISTANT', 'WHATSAPP_MESSAGE', 'HEALTHCHECK']) {
    assert.ok(overview.includes(`CACHE_TTL_${t}_SECONDS`), t);
  }
});
