// medical_exam end to end: typed text, a PDF (text extracted by pdfjs-dist) and a photo (transcribed
// by the vision model, read by the same parser), the summary and its fallback, and bad documents.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pdfFromRows } from './support/pdf.ts';
import { readFileSync } from 'node:fs';
import { LAB_DISCLAIMER } from '../src/labs/explain.ts';
import { extractPdfText } from '../src/pdf/extract-text.ts';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { runJob, startEmulators, testPng, type TestEmulators } from './support/emulators.ts';

const db = useFreshDatabase('analysis_medical');
let emu: TestEmulators;

before(async () => {
  emu = await startEmulators();
});
after(async () => {
  await emu.close();
});

const REPORT = readFileSync(new URL('./fixtures/labs/01-colunas-bioquimica.txt', import.meta.url), 'utf8');

const PDF_ROWS: Array<Array<[number, string]>> = [
  [[50, 'LABORATÓRIO SÃO LUCAS - ANÁLISES CLÍNICAS']],
  [
    [50, 'Paciente: MARIA DA SILVA'],
    [350, 'Idade: 45 anos'],
  ],
  [
    [50, 'EXAME'],
    [220, 'RESULTADO'],
    [350, 'VALOR DE REFERÊNCIA'],
  ],
  [
    [50, 'GLICOSE'],
    [220, '112 mg/dL'],
    [350, '70 a 99 mg/dL'],
  ],
  [
    [50, 'CREATININA'],
    [220, '0,82 mg/dL'],
    [350, '0,50 a 1,10 mg/dL'],
  ],
  [
    [50, 'POTÁSSIO'],
    [220, '3,2 mEq/L'],
    [350, '3,5 a 5,1 mEq/L'],
  ],
];

const flags = (analytes: Array<{ name: string; flag: string }>) => Object.fromEntries(analytes.map((a) => [a.name, a.flag]));

test('pdf text extraction rebuilds the report lines and columns', async () => {
  const pdf = pdfFromRows(PDF_ROWS);
  const { text, pages } = await extractPdfText(pdf);
  assert.equal(pages, 1);
  const lines = text.split('\n');
  assert.equal(lines[0], 'LABORATÓRIO SÃO LUCAS - ANÁLISES CLÍNICAS');
  assert.equal(lines[3], 'GLICOSE  112 mg/dL  70 a 99 mg/dL', 'separate cells become columns');
  await assert.rejects(extractPdfText(Buffer.from('%PDF-1.4\nnot really a pdf')), { code: 'invalid_pdf' });
  await assert.rejects(extractPdfText(pdfFromRows([])), { code: 'pdf_no_text' });
});

test('report text: values and flags from the report, a model summary, the disclaimer', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    emu.resetStats();
    const { how, row } = await runJob(d, db.pool, 'medical_exam', { text: REPORT });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    const r = row.result;
    // Issue 16 added `qualitative` (results written as words), and `comparator` ("< 0,5") and
    // `source` ('parser' | 'model') to each analyte.
    assert.deepEqual(Object.keys(r).sort(), ['analytes', 'disclaimer', 'qualitative', 'summary', 'unparsed_lines']);
    assert.deepEqual(Object.keys(r.analytes[0]).sort(), [
      'comparator',
      'flag',
      'name',
      'reference_high',
      'reference_low',
      'reference_source',
      'reference_text',
      'source',
      'unit',
      'value',
    ]);
    const glic = r.analytes.find((a: { name: string }) => a.name === 'Glicose');
    assert.deepEqual(glic, {
      name: 'Glicose',
      value: 112,
      comparator: null,
      unit: 'mg/dL',
      reference_low: 70,
      reference_high: 99,
      reference_text: '70 a 99 mg/dL',
      reference_source: 'report',
      flag: 'alto',
      source: 'parser',
    });
    assert.deepEqual(r.qualitative, []);
    assert.equal(flags(r.analytes)['Potássio'], 'baixo');
    assert.equal(flags(r.analytes)['Ureia'], 'normal');
    assert.equal(r.analytes.length, 6);
    assert.equal(r.disclaimer, LAB_DISCLAIMER);
    assert.ok(r.summary.length > 20);
    assert.equal(row.provider, 'ollama');
    assert.equal(row.model, 'llama3.1:8b');
    assert.deepEqual(emu.inferenceCounts(), { yolo: 0, ollama: 1, gemini: 0, whatsapp: 0 });
  } finally {
    await d.stop();
  }
});

test('a PDF report: text through pdfjs-dist, the same parser', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const pdf = pdfFromRows(PDF_ROWS);
    const { how, row } = await runJob(d, db.pool, 'medical_exam', { document_base64: pdf.toString('base64'), mime: 'application/pdf' });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    assert.deepEqual(flags(row.result.analytes), { Glicose: 'alto', Creatinina: 'normal', Potássio: 'baixo' });
    assert.equal(row.result.analytes.find((a: { name: string }) => a.name === 'Creatinina').value, 0.82);

    const scan = await runJob(d, db.pool, 'medical_exam', { document_base64: pdfFromRows([]).toString('base64'), mime: 'application/pdf' }, { maxAttempts: 3 });
    assert.equal(scan.how, 'failed');
    assert.equal(scan.row.error.code, 'pdf_no_text');
    assert.equal(scan.row.attempts, 1);
  } finally {
    await d.stop();
  }
});

test('a photo of a report: the vision model transcribes, the parser reads; nothing is invented', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    emu.resetStats();
    const photo = testPng(800, 1100, 7);
    const { how, row } = await runJob(d, db.pool, 'medical_exam', { document_base64: photo.toString('base64'), mime: 'image/png' });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    assert.equal(row.provider, 'ollama');
    assert.equal(row.model, 'llava:7b', 'the transcriber is the vision model');
    // The emulator "transcribes" generic sentences with no lab values: the parser finds none, and
    // the result says so instead of making values up.
    assert.deepEqual(row.result.analytes, []);
    assert.match(row.result.summary, /Não consegui ler nenhum resultado/);
    assert.deepEqual(emu.inferenceCounts(), { yolo: 0, ollama: 1, gemini: 0, whatsapp: 0 });
  } finally {
    await d.stop();
  }
});

test('every text model down: the deterministic summary stands in and the job completes', async () => {
  await emu.ollama.setKnobs({ down: true });
  await emu.gemini.setKnobs({ down: true });
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const { how, row } = await runJob(d, db.pool, 'medical_exam', { text: `${REPORT}\nHEMOGLOBINA GLICADA 6,1 %` });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    assert.match(row.result.summary, /Acima da referência:\n- Glicose: 112 mg\/dL/);
    assert.ok(!row.result.summary.includes(LAB_DISCLAIMER), 'the disclaimer is its own field, not repeated');
    assert.equal(row.result.disclaimer, LAB_DISCLAIMER);
    assert.equal(row.provider, null);
  } finally {
    await d.stop();
    await emu.heal();
  }
});

test('sex from the input picks the range; unread lines go to the text model, whose invented values are rejected', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    emu.resetStats();
    const text =
      'Ferritina: 20 ng/mL\nHomens: 30 a 400 ng/mL\nMulheres: 13 a 150 ng/mL\nNITRITO . . . . POSITIVO (NEGATIVO)\nUrocultura: mais de 100.000 UFC por mL, E. coli';
    const { how, row } = await runJob(d, db.pool, 'medical_exam', { text, sex: 'F', birth_date: '1990-05-01' });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    assert.deepEqual(
      row.result.analytes.map((a: { name: string; flag: string; source: string }) => [a.name, a.flag, a.source]),
      [['Ferritina', 'normal', 'parser']],
    );
    assert.deepEqual(row.result.qualitative, [{ name: 'NITRITO', value: 'POSITIVO', reference_text: 'NEGATIVO', flag: 'alterado', source: 'parser' }]);
    // The emulated model answers the extraction schema with made-up rows: none is on the line, so
    // none is accepted and the line is still reported as unread.
    assert.deepEqual(row.result.unparsed_lines, ['Urocultura: mais de 100.000 UFC por mL, E. coli']);
    assert.deepEqual(emu.inferenceCounts(), { yolo: 0, ollama: 2, gemini: 0, whatsapp: 0 }, 'one extraction call, one summary call');

    const male = await runJob(d, db.pool, 'medical_exam', { text, sex: 'M' });
    assert.equal(male.row.result.analytes[0].flag, 'baixo');
    const bad = await runJob(d, db.pool, 'medical_exam', { text, sex: 'X', birth_date: '2999-01-01' }, { maxAttempts: 3 });
    assert.equal(bad.row.error.code, 'invalid_input');
    assert.deepEqual(bad.row.error.fields.sort(), ['input.birth_date', 'input.sex']);
  } finally {
    await d.stop();
  }
});

test('invalid input: field paths, no retries', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const both = await runJob(d, db.pool, 'medical_exam', { text: 'GLICOSE 90', mime: 'application/pdf' }, { maxAttempts: 4 });
    assert.equal(both.how, 'failed');
    assert.equal(both.row.error.code, 'invalid_input');
    assert.deepEqual(both.row.error.fields, ['input.document_base64']);
    const fake = await runJob(d, db.pool, 'medical_exam', { document_base64: testPng(10, 10).toString('base64'), mime: 'application/pdf' }, { maxAttempts: 4 });
    assert.equal(fake.row.error.code, 'invalid_input');
    assert.deepEqual(fake.row.error.fields, ['input.document_base64']);
    assert.equal(fake.row.attempts, 1);
  } finally {
    await d.stop();
  }
});

test('the parse deadline is the configured one (LAB_PARSE_TIMEOUT_MS): past it the job fails once, lab_report_too_complex, in Portuguese', async () => {
  // A set of the corpus one report after another, ~33 kB: about a second of parsing, far past a 100 ms deadline.
  const dir = new URL('./fixtures/labs/corpus/heldout30/', import.meta.url);
  const files = Object.keys(JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, unknown>);
  const text = files.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
  const d = await startTestDaemon(db.url, { ...emu.env, LAB_PARSE_TIMEOUT_MS: '100' });
  try {
    const { how, row } = await runJob(d, db.pool, 'medical_exam', { text }, { maxAttempts: 3 });
    assert.equal(how, 'failed');
    assert.equal(row.error.code, 'lab_report_too_complex');
    assert.equal(row.attempts, 1, 'permanent: no retry would parse it faster');
    assert.match(row.error.message, /laudo/);
  } finally {
    await d.stop();
  }
});
