// The general causes behind the misses of held-out set 85, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';
import { accountLines } from '../../src/labs/accounting.ts';
import { cleanLine } from '../../src/labs/lines.ts';

test('a guideline cited with its year on a line of its own, advice after it, is no result and nothing to list', () => {
  const text = [
    'Colesterol total 201 mg/dL Desejável: < 190 mg/dL',
    'Triglicérides 132 mg/dL Desejável: < 150 mg/dL',
    'Diretriz Brasileira de Hipertrigliceridemia - SBC/SBEM 2023. A meta deve ser definida pelo cardiologista.',
    'Glicose 91 mg/dL 70 a 99 mg/dL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Colesterol total', 201, 'mg/dL', 'alto'],
    ['Triglicerídeos', 132, 'mg/dL', 'normal'],
    ['Glicose', 91, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a block title printed with its letters spaced out and a dash in it names the result under it', () => {
  const text = [
    '              P T H   -   P A R A T O R M Ô N I O   I N T A C T O',
    'Resultado:      88,5 pg/mL',
    '                                    Valores de referência: 15,0 a 65,0 pg/mL',
    '',
    '              F E R R I T I N A   (S O R O)',
    'Resultado:      212 ng/mL',
    '                                    Valores de referência: 30 a 400 ng/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [
      ['PTH - PARATORMÔNIO INTACTO', 88.5, 'alto'],
      ['Ferritina', 212, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a portal card with what a positive finding found in a cell of its own still takes the reference under it', () => {
  const text = [
    'Pesquisa de sangue oculto nas fezes',
    'Liberado em 03/02/2025 09:12',
    'Resultado\tPositivo',
    'Referência\tNegativo',
    '',
    'Protoparasitológico (3 amostras)',
    'Resultado\tPositivo',
    'Parasitas encontrados\tovos de Ascaris lumbricoides',
    'Referência\tNegativo',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).find((b) => /^Protoparasitol/.test(b[0])),
    ['Protoparasitológico (3 amostras)', 'Positivo', null, 'alterado'],
  );
  assert.ok(r.unparsed_lines.includes('Parasitas encontrados\tovos de Ascaris lumbricoides'));
});

test('a coagulation block whose ranges are led by the first words of each printed row gives each row its range', () => {
  const text = [
    'TEMPO DE TROMBINA E TTPA',
    'Material: plasma citratado   Método: coagulométrico',
    '                                   RESULTADO',
    'Tempo da amostra                   41,2 segundos',
    'Controle do dia                    29,8 segundos',
    'Razão amostra/controle             1,38',
    '                                   INTERVALO DE REFERÊNCIA',
    'Tempo: 24,0 a 36,0 segundos',
    'Razão: até 1,20',
    '',
    'PROTROMBINA',
    'Material: plasma citratado   Método: coagulométrico',
    '                                   RESULTADO',
    'Tempo da amostra                   12,6 segundos',
    'Atividade enzimática               88 %',
    '                                   INTERVALO DE REFERÊNCIA',
    'Tempo: 10,0 a 13,5 segundos',
    'Atividade: 70 a 120 %',
  ].join('\n');
  const r = parseLabReport(text);
  const flags = r.analytes.map((a) => [a.value, a.flag]);
  assert.deepEqual(flags, [
    [41.2, 'alto'],
    [1.38, 'alto'],
    [12.6, 'normal'],
    [88, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a chemotherapy cycle and its day in a box-drawn header are the treatment's, no result to list", () => {
  const text = [
    '┌──────────────────────────────────────────────────────────────────────┐',
    '│ Médico: Dr. Caio Prates Lins CRM-PE 31.402 │ Esquema: AC-T - ciclo 3 D8 │',
    '│ Oncologia clínica - C2D15 anterior sem intercorrências                │',
    '└──────────────────────────────────────────────────────────────────────┘',
    'Hemoglobina          10,9 g/dL        12,0 a 15,5',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F' });
  assert.deepEqual(
    brief(r).map(([n, v, , f]) => [n, v, f]),
    [['Hemoglobina', 10.9, 'baixo']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test("a range led by a printed row's first word, with a cell after it, is not taken whole as that row's range", () => {
  const text = [
    'Tempo do paciente                  15,2 segundos',
    'Atividade de protrombina           81 %',
    '                                   INTERVALO DE REFERÊNCIA',
    'Tempo: 10,0 a 14,0 segundos   Positivo',
    'Atividade: 70 a 100 %',
  ].join('\n');
  const r = parseLabReport(text);
  assert.ok(r.unparsed_lines.includes('Tempo: 10,0 a 14,0 segundos   Positivo'), r.unparsed_lines.join('\n'));
});

test("a ratio to the control is the patient's result to account for; the control's own time is not", () => {
  const raw = ['Relação paciente/controle          1,08', 'Tempo do controle ........ 12,4 seg'];
  const lines = raw.map((r, index) => ({ index, raw: r, text: cleanLine(r, index).text }));
  // Nothing read: the ratio's line must be listed, the control's time is the lab's run, not a result.
  assert.deepEqual(accountLines(lines, [], []), [raw[0]]);
});
