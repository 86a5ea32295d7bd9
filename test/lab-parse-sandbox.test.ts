// The lab parse runs in a sandbox thread (src/labs/parse-sandbox.ts): the same result as the parser
// called directly, the daemon's event loop free meanwhile, and a deadline and an abort that end it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseLabReport } from '../src/labs/parse.ts';
import { parseLabReportInSandbox } from '../src/labs/parse-sandbox.ts';

const corpus = new URL('./fixtures/labs/corpus/', import.meta.url);
const report = (set: string, file: string) => readFileSync(new URL(`${set}/${file}`, corpus), 'utf8');
const A = report('heldout33', 'h303-rede-privada-pdf-quebra-pagina-cabecalho-repetido.txt');
const B = report('heldout2', readdirFirst('heldout2'));

function readdirFirst(set: string): string {
  return Object.keys(JSON.parse(readFileSync(new URL(`${set}/expected.json`, corpus), 'utf8')) as Record<string, unknown>)[0]!;
}

/** A report as long as a job may carry (~100 kB): reports of the corpus one after another. */
function longReport(): string {
  const parts: string[] = [];
  let size = 0;
  for (const set of ['heldout30', 'heldout31', 'heldout32', 'heldout33']) {
    for (const file of Object.keys(JSON.parse(readFileSync(new URL(`${set}/expected.json`, corpus), 'utf8')) as Record<string, unknown>)) {
      const text = report(set, file);
      if (size + text.length > 95_000) return parts.join('\n');
      parts.push(text);
      size += text.length + 1;
    }
  }
  return parts.join('\n');
}

test('the sandboxed parse answers what the parser answers, with the patient given', async () => {
  const patient = { sex: 'F' as const, birthDate: '1980-05-01', today: '2025-06-01' };
  assert.deepEqual(await parseLabReportInSandbox(A, patient), parseLabReport(A, patient));
  // The warm thread serves the next report.
  assert.deepEqual(await parseLabReportInSandbox(B, {}), parseLabReport(B, {}));
});

test('the event loop keeps turning while a long report is parsed', async () => {
  const text = longReport();
  assert.ok(text.length > 60_000, `a long report: ${text.length} characters`);
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  try {
    // What is asserted is the loop, not the parse's speed: a deadline no loaded machine reaches (the
    // production one, LAB_PARSE_LIMITS, is 30 s; a CI run beside three other test suites passed it).
    const parsed = await parseLabReportInSandbox(text, {}, { timeoutMs: 120_000 });
    assert.ok(parsed.analytes.length > 100, `${parsed.analytes.length} analytes read`);
  } finally {
    clearInterval(timer);
  }
  // Inline, the parse would have held the loop from start to end: not one interval tick.
  assert.ok(ticks > 0, 'the loop turned during the parse');
});

test('past its deadline the parse ends as lab_report_too_complex (permanent, in Portuguese); the next parse still runs', async () => {
  await assert.rejects(parseLabReportInSandbox(longReport(), {}, { timeoutMs: 1 }), (err: { code: string; kind: string; userMessage: string }) => {
    assert.equal(err.code, 'lab_report_too_complex');
    assert.equal(err.kind, 'permanent');
    assert.match(err.userMessage, /complexo demais/);
    return true;
  });
  assert.deepEqual(await parseLabReportInSandbox(A, {}), parseLabReport(A, {}));
});

test("the job's abort signal ends the parse with its reason", async () => {
  const controller = new AbortController();
  const work = parseLabReportInSandbox(longReport(), {}, { signal: controller.signal });
  setImmediate(() => controller.abort(new Error('cancelled by test')));
  await assert.rejects(work, /cancelled by test/);
  const aborted = new AbortController();
  aborted.abort(new Error('already cancelled'));
  await assert.rejects(parseLabReportInSandbox(A, {}, { signal: aborted.signal }), /already cancelled/);
});
