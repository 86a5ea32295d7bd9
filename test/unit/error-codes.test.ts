// The error-code catalogue (src/error-codes.ts) is the only source of codes: the source raises and
// answers nothing outside it, every code has Portuguese text for a user, and no message mixes the
// user's Portuguese with the operators' English. tsc checks this file too: the @ts-expect-error lines
// below fail the type-check the day a misspelt code compiles.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ERROR_MESSAGES, invokeError } from '../../src/client/errors.ts';
import { GATEWAY_ERROR_CODES, hasCode, hasCodeIn, isJobErrorCode, JOB_ERROR_CODES, MEDIA_PROBLEM_CODES, type JobErrorCode } from '../../src/error-codes.ts';
import { PermanentError, TransientError, toUserError, USER_MESSAGES } from '../../src/errors.ts';
import { HttpError } from '../../src/gateway/http.ts';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'dev' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Each `new XError(…)` call in the product, as its full argument text (parentheses balanced). */
function errorCalls(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const file of sources(SRC)) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/new (?:Permanent|Transient|RetryAfter|Cancelled|InvalidInput|Http)Error\(/g)) {
      let depth = 1;
      let i = m.index + m[0].length;
      for (; i < source.length && depth > 0; i++) {
        if (source[i] === '(') depth++;
        else if (source[i] === ')') depth--;
      }
      out.push({ file: file.slice(SRC.length + 1), text: source.slice(m.index, i) });
    }
  }
  return out;
}

/** String and template literals in `text`, with `${…}` interpolations dropped. */
function literals(text: string): string[] {
  return [...text.matchAll(/'((?:\\.|[^'\\])*)'|`((?:\\.|[^`\\])*)`/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/\$\{[^}]*\}/g, ' '));
}

// Word lists, with letter-aware boundaries (\b would split "análise" into "an" and "lise").
const words = (list: string) => new RegExp(`(?<!\\p{L})(?:${list})(?!\\p{L})`, 'iu');
const PT_WORDS = words('não|de|da|do|dos|das|um|uma|em|para|com|ou|envie|tente|foi|mais|pelo|pela|novamente|seu|sua|falha');
const EN_WORDS = words('the|is|was|of|and|not|to|an|could|with|from|exceeds|did|does|must|cannot|too|file|image|over|failed|refused|planned');
const looksPortuguese = (s: string) => /[ãõçáéíóúâêôà]/i.test(s) || PT_WORDS.test(s);
const looksEnglish = (s: string) => EN_WORDS.test(s);

/** Codes whose message is about the input the user sent: they are raised with their own userMessage. */
const USER_WRITTEN: readonly JobErrorCode[] = [
  ...MEDIA_PROBLEM_CODES,
  'image_download_timeout',
  'infeasible',
  'forbidden_owner',
  'healthcheck_planned_failure',
];

test('every code the source raises with a literal is in the catalogue', () => {
  const raised = new Set<string>();
  for (const { text } of errorCalls()) {
    const m = /^new (?:Permanent|Transient|RetryAfter|Cancelled)Error\(\s*'([a-z_]+)'/.exec(text);
    if (m) raised.add(m[1]!);
  }
  assert.ok(raised.size > 10, `found ${raised.size} raised codes`);
  assert.deepEqual(
    [...raised].filter((c) => !isJobErrorCode(c)),
    [],
  );
});

test('every catalogue code has Portuguese text for a user, in no other language', () => {
  assert.deepEqual(Object.keys(USER_MESSAGES).sort(), [...JOB_ERROR_CODES].sort());
  assert.deepEqual(
    JOB_ERROR_CODES.filter((code) => !looksPortuguese(USER_MESSAGES[code]) || looksEnglish(USER_MESSAGES[code])),
    [],
  );
});

test('every code about the input is raised with its own Portuguese userMessage', () => {
  const calls = errorCalls();
  const without: string[] = [];
  for (const code of USER_WRITTEN) {
    const raising = calls.filter(({ text }) => new RegExp(`^new \\w+Error\\(\\s*'${code}'`).test(text));
    assert.ok(raising.length > 0, `${code} is never raised`);
    for (const { file, text } of raising) if (!/userMessage:/.test(text)) without.push(`${file}: ${text}`);
  }
  assert.deepEqual(without, []);
});

test('no message mixes languages: operator detail in English, userMessage in Portuguese', () => {
  let checked = 0;
  const mixed: string[] = [];
  for (const { file, text } of errorCalls()) {
    const user = [...text.matchAll(/userMessage:\s*('(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`)/g)].map((m) => m[1]!);
    for (const u of user.flatMap(literals)) {
      if (!looksPortuguese(u) || looksEnglish(u)) mixed.push(`${file}: userMessage "${u}" is not plain Portuguese`);
      checked++;
    }
    let operator = text;
    for (const u of user) operator = operator.replace(u, '');
    // The code itself (a bare identifier) is neither language.
    for (const o of literals(operator).filter((s) => !/^[a-z_]+$/.test(s))) {
      if (looksPortuguese(o)) mixed.push(`${file}: operator message "${o}" has Portuguese in it (the user's text goes in userMessage)`);
      checked++;
    }
  }
  assert.deepEqual(mixed, []);
  assert.ok(checked > 40, `checked only ${checked} messages`);
});

test("the user's text and the operator's detail travel apart", () => {
  const err = new PermanentError('infeasible', 'no meal plan meets the requested targets', { userMessage: 'as metas não cabem em 3 refeições' });
  assert.deepEqual(toUserError(err), { code: 'infeasible', message: 'as metas não cabem em 3 refeições' });
  assert.deepEqual(err.toJSON(), { code: 'infeasible', message: 'no meal plan meets the requested targets' });
  // Without its own text, the code's catalogue text; never the operator detail.
  assert.equal(toUserError(new TransientError('timeout', 'ollama did not answer in 30000 ms')).message, USER_MESSAGES.timeout);
});

test('the app has Portuguese text for every code the gateway answers', () => {
  assert.deepEqual(
    GATEWAY_ERROR_CODES.filter((c) => !(c in ERROR_MESSAGES)),
    [],
  );
  for (const [code, [text]] of Object.entries(ERROR_MESSAGES)) assert.ok(looksPortuguese(text) && !looksEnglish(text), `${code}: ${text}`);
});

test("the app shows a 422's Portuguese user_message, and never a body's English message", async () => {
  const refused = new HttpError(422, 'infeasible', 'no meal plan meets the requested targets', { userMessage: '2000 kcal não cabem em 3 refeições' });
  const fromRefusal = await invokeError({ name: 'FunctionsHttpError', context: refused.toResponse() });
  assert.deepEqual([fromRefusal.code, fromRefusal.message, fromRefusal.httpStatus], ['infeasible', '2000 kcal não cabem em 3 refeições', 422]);
  const fromLimit = await invokeError({
    name: 'FunctionsHttpError',
    context: new HttpError(429, 'too_many_active_jobs', 'you already have 3 analyses').toResponse(),
  });
  assert.equal(fromLimit.message, ERROR_MESSAGES.too_many_active_jobs![0]);
});

test('hasCode and hasCodeIn compare the code', () => {
  const err = new PermanentError('infeasible', 'no plan');
  assert.equal(hasCode(err, 'infeasible'), true);
  assert.equal(hasCode(err, 'timeout'), false);
  assert.equal(hasCodeIn(new PermanentError('pdf_no_text', 'x'), MEDIA_PROBLEM_CODES), true);
  assert.equal(hasCodeIn(err, MEDIA_PROBLEM_CODES), false);
  assert.equal(isJobErrorCode('infeasible'), true);
  assert.equal(isJobErrorCode('infeasable'), false);
});

test('a misspelt code does not compile (tsc fails on an unused @ts-expect-error)', () => {
  // @ts-expect-error 'circuit_opne' is not a JobErrorCode
  const misspelt = new TransientError('circuit_opne', 'x');
  // @ts-expect-error 'infeasable' is not a JobErrorCode
  assert.equal(hasCode(misspelt, 'infeasable'), false);
  // @ts-expect-error 'bad_requets' is not a GatewayErrorCode
  assert.equal(new HttpError(400, 'bad_requets', 'x').status, 400);
  // @ts-expect-error a job's code answers only as a 422, which carries the user's text
  assert.equal(new HttpError(400, 'infeasible', 'x').status, 400);
  // @ts-expect-error a 422 must say, in Portuguese, what to change
  assert.equal(new HttpError(422, 'infeasible', 'x').status, 422);
  const refused = new HttpError(422, 'infeasible', 'the analysis cannot be done', { userMessage: 'as metas não cabem' });
  assert.equal(refused.userMessage, 'as metas não cabem');
});
