// The Edge Runtime's 2 s CPU limit: work measured to exceed it cold (a PDF exam, bench/edge-cpu.ts)
// is never run inline at the edge; the gateway enqueues it instead (202, fallback sync_unavailable),
// while work that fits (a text exam) still answers inline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EDGE_INLINE_EXAM_TEXT_BYTES, edgeCpuRisk, edgeRunInline } from '../src/gateway/edge-limits.ts';
import { createGateway, envFromRecord, SyncUnavailableError, type Gateway, type RunInline } from '../src/gateway/index.ts';
import { LAB_REPORT } from '../scripts/demo/requests.ts';
import { useFreshDatabase } from './support/database.ts';
import { gatewayTestEnv, userToken } from './support/jwt.ts';
import { pdfFromLines } from './support/pdf.ts';

const pdfExam = () => ({ document_base64: pdfFromLines(LAB_REPORT.split('\n')).toString('base64'), mime: 'application/pdf' });

test('edgeCpuRisk: documents, exam texts over the ceiling and WhatsApp media are refused inline; a report text, meal plans, photos and chat fit', () => {
  assert.match(edgeCpuRisk('medical_exam', pdfExam()) ?? '', /2 s edge CPU limit/);
  assert.match(edgeCpuRisk('whatsapp_message', { from: '5511900000000', media: { mime: 'application/pdf', base64: 'JVBERi0=' } }) ?? '', /2 s edge CPU limit/);
  assert.equal(edgeCpuRisk('medical_exam', { text: LAB_REPORT }), undefined);
  // Counted in UTF-8 bytes, as the input's own limit is: 'µ' is two.
  const atCeiling = 'µ'.repeat(EDGE_INLINE_EXAM_TEXT_BYTES / 2);
  assert.equal(edgeCpuRisk('medical_exam', { text: atCeiling }), undefined);
  assert.match(edgeCpuRisk('medical_exam', { text: `${atCeiling}a` }) ?? '', /over 8 kB .* 2 s edge CPU limit/);
  assert.equal(edgeCpuRisk('meal_plan', { kcal_target: 2000, meals_per_day: 5, days: 14 }), undefined);
  assert.equal(edgeCpuRisk('sofia_image', { image_base64: 'iVBORw0KGgo=' }), undefined);
  assert.equal(edgeCpuRisk('whatsapp_message', { from: '5511900000000', text: 'oi' }), undefined);
});

const db = useFreshDatabase('edge_limits');
let gw: Gateway;
const calls: string[] = [];

before(async () => {
  await db.ready;
  const inner: RunInline = async (type) => {
    calls.push(type);
    return { result: { ok: true } };
  };
  gw = createGateway({
    env: envFromRecord(gatewayTestEnv(db.url, { GATEWAY_RATE_LIMIT_PER_MINUTE: '1000' })),
    runInline: edgeRunInline(inner),
    onRequest: () => {},
  });
});
after(async () => {
  await gw?.close();
});

test('at the edge a PDF exam is enqueued (202, sync_unavailable) without running inline; a report text runs inline, a text past the ceiling is enqueued', async () => {
  const token = await userToken();
  const post = (input: unknown) =>
    gw.handle(
      'analyze-medical-exam',
      new Request('http://functions.test/functions/v1/analyze-medical-exam', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ input }),
      }),
    );
  const pdf = await post(pdfExam());
  assert.equal(pdf.status, 202);
  const body = (await pdf.json()) as { job_id: string; mode: string; fallback: string };
  assert.deepEqual([body.mode, body.fallback], ['async', 'sync_unavailable']);
  assert.deepEqual(calls, [], 'the handler never ran inline');
  const row = (await db.pool.query<{ type: string; status: string }>('select type, status from analysis_jobs where id = $1', [body.job_id])).rows[0];
  assert.deepEqual(row, { type: 'medical_exam', status: 'pending' });

  const text = await post({ text: LAB_REPORT });
  assert.equal(text.status, 200);
  assert.equal(((await text.json()) as { mode: string }).mode, 'sync');
  assert.deepEqual(calls, ['medical_exam']);

  // A report text past the ceiling (several reports pasted together) goes to the worker too.
  const long = await post({ text: Array.from({ length: Math.ceil(EDGE_INLINE_EXAM_TEXT_BYTES / LAB_REPORT.length) + 1 }, () => LAB_REPORT).join('\n\n') });
  assert.equal(long.status, 202);
  assert.equal(((await long.json()) as { fallback: string }).fallback, 'sync_unavailable');
  assert.deepEqual(calls, ['medical_exam'], 'the long text never ran inline');
  await assert.rejects(edgeRunInline(async () => ({ result: 1 }))('medical_exam', pdfExam(), AbortSignal.timeout(1000)), SyncUnavailableError);
});
