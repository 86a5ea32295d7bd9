// Probes for the causes the corpus properties found in held-out sets 155 and 156 (h1523, h1524, h1526, h1533,
// h1534), written with other labs, names and values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const OPTIONS = { sex: 'F' as const, birthDate: '1966-03-09', today: '2025-06-01' };
const parse = (text: string) => parseLabReport(text, OPTIONS);

test('a paired fluid / serum table: a row holding what no column reads is listed, not put back without it', () => {
  const table = [
    '   Dosagem              |  [A] Líquido |  [S] Soro  | Unidade | VR do soro          | Relação A/S',
    '   ---------------------+--------------+------------+---------+---------------------+------------',
    '   Proteínas totais     |     2,1      |    7,0     |  g/dL   |    6,4 a 8,3        |    0,30',
    '   Amilase              |     88       |    64      |  U/L    |    28 a 100         |    1,38',
    '   Colesterol           |     41       |    188     |  mg/dL  |    até 190          |     --',
  ];
  const base = parse(table.join('\n'));
  assert.ok(
    base.analytes.some((a) => a.name === 'Amilase' && a.value === 64),
    JSON.stringify(base.analytes.map((a) => [a.name, a.value])),
  );
  // A number after the ratio's dash, and a word in a specimen's cell: each row is listed as printed.
  for (const [k, row] of [
    [4, '   Colesterol           |     41       |    188     |  mg/dL  |    até 190          |     --   23,9'],
    [3, '   Amilase              |    Turvo     |    64      |  U/L    |    28 a 100         |    1,38'],
  ] as const) {
    const lines = [...table];
    lines[k] = row;
    const r = parse(lines.join('\n'));
    assert.ok(r.unparsed_lines.includes(row.trim()), JSON.stringify(r.unparsed_lines));
  }
});

test('one report whose exams print their own collection dates: the same exam on two days is read twice', () => {
  const text = [
    'Exame: PESQUISA DE BAAR NO ESCARRO                Amostra: 1ª amostra',
    'Material: Escarro        Coleta: 10/03/2025 07:40',
    '  Resultado: Negativo',
    '--------------------------------------------------------------',
    'Exame: PESQUISA DE BAAR NO ESCARRO                Amostra: 2ª amostra',
    'Material: Escarro        Coleta: 11/03/2025 06:55',
    '  Resultado: Positivo',
    '--------------------------------------------------------------',
    'Exame: HEPATITE C - ANTI-HCV                     Amostra: Soro',
    'Material: Soro           Coleta: 10/03/2025 07:50',
    '  Resultado: Não Reagente',
  ].join('\n');
  const r = parse(text);
  const baar = r.qualitative.filter((q) => /baar/i.test(q.name)).map((q) => q.value);
  assert.deepEqual(baar.sort(), ['Negativo', 'Positivo'], JSON.stringify(r.qualitative));
});

test('a finding in the feminine ("NÃO DETECTADA") is a result word: lost, its line is listed', () => {
  const text = [
    'Exame: PCR PARA CITOMEGALOVÍRUS                    Amostra: Plasma',
    'Metodologia: PCR em tempo real',
    '  Carga viral de CMV: NÃO DETECTADA',
    'Valor de Referência: Não detectado',
  ].join('\n');
  const r = parse(text);
  assert.ok(
    r.qualitative.some((q) => /NÃO DETECTADA/i.test(q.value)),
    JSON.stringify(r.qualitative),
  );
  assert.deepEqual(lostAnalytes(text, OPTIONS).unlisted, []);
});

test('a LaTeX rule followed by text typed in columns of spaces is a line of its own, not the next row', () => {
  const text = [
    '\\begin{tabular}{|l|r|l|l|}',
    '\\hline   Anti-HBs   POSITIVO',
    '\\textbf{Exame} & \\textbf{Resultado} & \\textbf{Unidade} & \\textbf{Referência} \\\\',
    '\\hline',
    'Creatinina & 0,84 & mg/dL & 0,50 a 0,90 \\\\',
    '\\hline',
    '\\end{tabular}',
  ].join('\n');
  const r = parse(text);
  const shown = r.qualitative.some((q) => /positivo/i.test(q.value)) || r.unparsed_lines.some((u) => /POSITIVO/.test(u));
  assert.ok(shown, JSON.stringify({ q: r.qualitative, u: r.unparsed_lines }));
  assert.ok(
    r.analytes.some((a) => /creatinina/i.test(a.name) && a.value === 0.84),
    JSON.stringify(r.analytes),
  );
});

test("a table row quoting a result read above is the row's own: lost, its line is listed", () => {
  const text = [
    'TRIGLICERÍDEOS 310 mg/dL VR: Jejum: inferior a 150 mg/dL',
    'COLESTEROL LDL (Friedewald) 162 mg/dL Meta conforme risco cardiovascular:',
    'Baixo: < 130 Intermediário: < 100 Alto: < 70 mg/dL',
    'COLESTEROL HDL 44 mg/dL VR: superior a 40 mg/dL',
    '',
    'Resumo dos seus resultados:',
    '',
    '| Exame | Resultado | Referência | Situação |',
    '|---|---|---|---|',
    '| Triglicerídeos | 310 mg/dL | < 150 | Acima |',
    '| LDL | 162 mg/dL | depende do risco (< 130 no baixo risco) | Acima das metas |',
    '| HDL | 44 mg/dL | > 40 | Dentro |',
  ].join('\n');
  assert.deepEqual(lostAnalytes(text, OPTIONS).unlisted, []);
});

test("a health record's banner with the program's dotted version is administrative, not listed", () => {
  const banner = 'HOSPITAL REGIONAL SANTA INÊS - AGHU 2.8.5          Usuário: rmaia (Enfermagem)';
  const text = [banner, 'Paciente: MARIA DAS DORES LIMA', '', 'Potássio ........ 4,2 mmol/L      [3,5 - 5,1]'].join('\n');
  const r = parse(text);
  assert.ok(!r.unparsed_lines.includes(banner), JSON.stringify(r.unparsed_lines));
  assert.ok(
    r.analytes.some((a) => a.value === 4.2),
    JSON.stringify(r.analytes),
  );
});

test('blood units given in a transfusion, in a note on why the sample was taken, are no result', () => {
  const note = 'Pedido 55120873 (controle pós-transfusão de 2 CH às 14:40) - liberado 03/06/2025 16:02';
  const text = ['Paciente: JOSÉ RIBAMAR COSTA', note, '', 'Hemoglobina ........ 8,9 g/dL      [12,0 - 16,0]'].join('\n');
  const r = parse(text);
  assert.ok(!r.unparsed_lines.includes(note), JSON.stringify(r.unparsed_lines));
  assert.ok(
    r.analytes.some((a) => a.value === 8.9 && a.flag === 'baixo'),
    JSON.stringify(r.analytes),
  );
  // A count of units with no transfusion named is still a number to account for.
  const other = 'Pedido 55120873 (controle após 2 CH às 14:40) - liberado 03/06/2025 16:02';
  assert.ok(parse(text.replace(note, other)).unparsed_lines.includes(other));
});

test("an antibiogram's lone S / I / R after a dot leader is a result word: lost, its line is listed", () => {
  const text = [
    '**Cultura de secreção de ferida**',
    '- **Microrganismo isolado:** *Klebsiella pneumoniae*',
    '',
    '**Teste de sensibilidade aos antimicrobianos**',
    '- Cefepima ........................ **R**',
    '- Meropeném ....................... S',
    '- Amicacina ....................... S',
  ].join('\n');
  const r = parse(text);
  assert.ok(
    r.qualitative.some((q) => /cefepima/i.test(q.name) && q.value === 'R'),
    JSON.stringify(r.qualitative),
  );
  assert.deepEqual(lostAnalytes(text, OPTIONS).unlisted, []);
});
