// Probes for held-out set 144 (helper hQ): a health app's export with the lab's rows among its own readings,
// a portal's cards copied one field a line, a family's spreadsheet with a block measured at home. Rewritten
// with other names, values and labs: each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test("a row's range led by 'Faixa:' alone is its reference, not a result named Faixa", () => {
  const text = [
    'Exames importados',
    '🔴 Ureia ..................... 58 mg/dL       Faixa: 15–45',
    '🟢 Albumina .................. 4,2 g/dL       Faixa: 3,5–5,2',
    '🔴 Índice XYZ ................ 3,10           Faixa: < 2,5',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Ureia', 58, 'alto'],
    ['Albumina', 4.2, 'normal'],
    ['Índice XYZ', 3.1, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an app's ruled sections of its own readings around its lab section: their values are listed, no results", () => {
  const text = [
    '════ SONO ════',
    'Oxigenação noturna (média) .... 94 %       Mínima: 87 %',
    'Frequência respiratória ...... 15 rpm',
    'Despertares .................. 3',
    '',
    '════ BALANÇA ════',
    'Massa magra .................. 61,2 kg',
    'Gordura visceral ............. 12 %',
    '',
    '════ EXAMES LABORATORIAIS ════',
    'Creatinina ........ 0,98 mg/dL    (0,70 a 1,20)',
    'Potássio .......... 5,6 mEq/L     (3,5 a 5,1)',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Creatinina', 0.98, 'normal'],
    ['Potássio', 5.6, 'alto'],
  ]);
  assert.ok(r.unparsed_lines.includes('Oxigenação noturna (média) .... 94 %       Mínima: 87 %'));
  assert.ok(r.unparsed_lines.includes('Gordura visceral ............. 12 %'));
});

test("a spreadsheet's block the family measured at home ('--- em casa ---'): no results, listed", () => {
  const text = [
    'Exame\tUnid.\tRef.\t10/01/2025\t12/04/2025\tObs',
    'Ureia\tmg/dL\t15-45\t49\t52\t',
    'Albumina\tg/dL\t3,5-5,2\t4,1\t4,0\t',
    'Sódio\tmEq/L\t\t139\t141\t',
    '\t\t\t\t\t',
    '--- medidas em casa (não são do laboratório) ---\t\t\t\t\t',
    'Glicemia do glicosímetro (média)\tmg/dL\t\t160\t152\t',
    'Saturação do oxímetro\t%\t\t95\t96\t',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Ureia', 52, 'alto'],
    ['Albumina', 4, 'normal'],
    ['Sódio', 141, 'normal'],
  ]);
  assert.ok(r.unparsed_lines.some((l) => l.startsWith('Glicemia do glicosímetro')));
});

test("a portal card copied one field a line: 'Status' / 'Normal' is the card's verdict, and an opened history panel's dated samples are no results", () => {
  const text = [
    'Bioquímica',
    'Liberado em 02/04/2025 10:00',
    'Ureia',
    'Resultado',
    '38 mg/dL',
    'Valor de referência',
    '15 a 45 mg/dL',
    'Status',
    'Normal',
    'Albumina',
    'Resultado',
    '4,4 g/dL',
    'Valor de referência',
    '3,5 a 5,2 g/dL',
    'Status: Normal',
    'Magnésio',
    'Resultado',
    '2,0 mg/dL',
    'Valor de referência',
    '1,6 a 2,6 mg/dL',
    'Status',
    'Normal',
    'Ver histórico',
    'Histórico de Magnésio',
    'fev/2025',
    '1,9',
    'mar/2025',
    '2,1',
    'Fechar',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Ureia', 38, 'normal'],
    ['Albumina', 4.4, 'normal'],
    ['Magnésio', 2, 'normal'],
  ]);
  assert.ok(r.unparsed_lines.includes('1,9'));
});
