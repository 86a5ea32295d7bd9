import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchesOf } from '../../src/text/matches.ts';

const asPairs = (ms: RegExpMatchArray[]) => ms.map((m) => [m.index, m[0], ...m.slice(1)]);

test('matchesOf finds what String#matchAll finds, groups and indices included', () => {
  const cases: Array<[RegExp, string]> = [
    [/(\d+)(?:,(\d+))?/g, 'Glicose 95 mg/dL, ureia 32,5 e 0'],
    [/\s{2,}(?=\S)/g, 'Hemoglobina    13,2   g/dL     12,0 a 16,0'],
    [/(?<![\p{L}])(?:crm|cnes)\s*\d+/giu, 'CRM 12345 · CNES 2077485 · crmx 9'],
    [/(?<name>\p{L}+):\s*(?<value>\d+)/gu, 'Sódio: 140 Potássio: 4'],
  ];
  for (const [re, text] of cases) assert.deepEqual(asPairs(matchesOf(re, text)), asPairs([...text.matchAll(re)]), re.source);
});

test('matchesOf steps past empty matches, by a whole code point under the u flag', () => {
  assert.deepEqual(
    matchesOf(/(?=a)|$/g, 'bab').map((m) => m.index),
    [...'bab'.matchAll(/(?=a)|$/g)].map((m) => m.index),
  );
  const astral = 'x😀y';
  assert.deepEqual(
    matchesOf(/(?:)/gu, astral).map((m) => m.index),
    [...astral.matchAll(/(?:)/gu)].map((m) => m.index),
  );
});

test('matchesOf leaves the shared pattern at lastIndex 0, even when a caller had moved it', () => {
  const re = /\d/g;
  re.lastIndex = 3;
  assert.equal(matchesOf(re, '1 2 3').length, 3);
  assert.equal(re.lastIndex, 0);
  assert.equal(re.test('9'), true);
});

test('matchesOf refuses a pattern without the g flag, which exec would match forever', () => {
  assert.throws(() => matchesOf(/\d/, '1 2'), { name: 'TypeError', message: /global pattern/ });
});
