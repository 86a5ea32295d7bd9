// Administrative lines a person recognises as such whatever lab printed them (held-out sets 155-159): a sample's
// volume, tube count and code, the citrate ratio of a coagulation tube, a report's verification code, a results
// notice's subject. None is a result, and none is listed as an unread line; a value beside them still is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';

const HEAD = ['LABORATÓRIO SÃO LUCAS', 'Paciente: JOANA PEREIRA DA SILVA', ''];
const RESULT = ['', 'Glicose ........: 91 mg/dL   (70 a 99)'];
const unread = (lines: string[]) => parseLabReport([...HEAD, ...lines, ...RESULT].join('\n'), { today: '2025-06-01' }).unparsed_lines;

test('a sample described after its collection stamp, its volume in brackets, is no result', () => {
  assert.deepEqual(unread(['  [P] Líquido ascítico  - nº 7712044518 - coletado 12/03/2025 08:40 (paracentese de alívio, 25 mL']), []);
  assert.deepEqual(unread(['Líquido sinovial coletado em 02/04/2025 (artrocentese, 4,5 mL)']), []);
});

test("a sample's number after its tube code in brackets, and a sample's code of letters and digits, are identifiers", () => {
  assert.deepEqual(unread(['Paciente: JOANA PEREIRA - Prontuário 220.118-4 - Amostra [P] 7712044518']), []);
  assert.deepEqual(unread(['Material: secreção de ferida   Amostra: UC24-30981   Coleta: 11/03/2025 09:10']), []);
});

test("a coagulation tube's citrate ratio, and the tubes a sample was drawn into, are no results", () => {
  assert.deepEqual(unread(['Coleta: 11/03/2025 07:15 - citrato de sódio 3,2 % (1:9), centrifugado em até 1 h.']), []);
  assert.deepEqual(unread(['Coleta: 11/03/2025 07:15 (citrato 3,2% — 3 tubos; soro)      Liberação: 12/03/2025 10:00']), []);
  assert.deepEqual(unread(['Material: líquor — punção lombar (4 tubos; tubo 2 para bioquímica)     Coleta: 11/03/2025 09:30']), []);
});

test("a report's verification code, its groups of letters and digits joined by dashes, is no value", () => {
  assert.deepEqual(unread(['Pág. 2/2 — Código de autenticidade: 4R8T-ZW27-1146']), []);
});

test('a results notice\'s subject, its protocol number after the lead "Resultado", is no result', () => {
  assert.deepEqual(unread(['Resultado liberado - Protocolo 612.339 - JOANA PEREIRA DA SILVA']), []);
});

test('an added value beside those administrative spans is still read or listed', () => {
  for (const [line, value] of [
    ['Coleta: 11/03/2025 07:15 - citrato de sódio 3,2 % (1:9)   Ureia 41,3 mg/dL', 41.3],
    ['Material: líquor (4 tubos)   Sódio 131,5', 131.5],
    ['Amostra: UC24-30981   (repetido: 52,7)', 52.7],
  ] as const) {
    const r = parseLabReport([...HEAD, line, ...RESULT].join('\n'), { today: '2025-06-01' });
    assert.ok(r.analytes.some((a) => a.value === value) || r.unparsed_lines.includes(line), line);
  }
});

test("a header's age in English, a state registration, a sample's ordinal, a triage colour and a numbered avenue are no results", () => {
  assert.deepEqual(unread(['Idade / Age: 52 anos / 52 years       Protocolo / Order nº: 3301-220415']), []);
  assert.deepEqual(unread(['SES: 0047.118.302     Coleta: 11/03/2025 05:30']), []);
  assert.deepEqual(unread(['Notificação SINAN: 5.102.448        Amostra 2: Soro — coleta 10/03/2025 — recebida 11/03/2025']), []);
  assert.deepEqual(unread(['Coleta: 11/03/2025 21:48               Classificação de risco: laranja']), []);
  assert.deepEqual(unread(['5ª Avenida, 1.120 — Setor Sul — CNES 4418210']), []);
});

test("another sample's value quoted in a note with its date, a sample's serum index and a PCR's cycle threshold are no results", () => {
  assert.deepEqual(unread(['Observação: a primeira dosagem (7,1 mmol/L), em amostra de 10/03/2025 com hemólise intensa,']), []);
  assert.deepEqual(unread(['Sódio crítico também em', '10/03/2025 (118 mmol/L às 09:40) — ver registro anterior nº 2025-0310.']), []);
  assert.deepEqual(unread(['NTE|1|L|Sódio: amostra sem lipemia (índice L < 20). Ureia em 09/03/2025: 62 mg/dL.']), []);
  const ct = 'Observação: Ct 31,2 (alvo N2). Liberado por: Ana Souza em 12/03/2025';
  assert.ok(!unread(['ZIKA VÍRUS - RT-PCR', 'Resultado: Detectável', ct]).includes(ct));
});

test("an OCR service's free text block is read as the text it quotes, without its confidence", () => {
  const text = [
    '[k 0,99 | v 0,98] "Paciente" => "JOANA PEREIRA"',
    '[k 0,97 | v 0,96] "Glicose" => "91 mg/dL"   | texto vizinho: "VR: 70 a 99 mg/dL"',
    '[k 0,98 | v 0,97] "Ureia" => "33 mg/dL"   | texto vizinho: "VR: 15 a 45 mg/dL"',
    'B1 (0,93): "Resp. técnico: Dra. Ana Souza — CRF-PR 12.345 — CNES 2741350"',
  ].join('\n');
  assert.deepEqual(parseLabReport(text, { today: '2025-06-01' }).unparsed_lines, []);
});

test("an antibiogram's letter in a column of its own is a result the accounting counts", async () => {
  const { lostAnalytes } = await import('../support/lab-lost-analytes.ts');
  const text = [
    'ANTIBIOGRAMA (disco-difusão)',
    '           Ampicilina                     R',
    '           Cefalotina                     S',
    '           Gentamicina                    S',
  ].join('\n');
  assert.deepEqual(lostAnalytes(text).unlisted, []);
});
