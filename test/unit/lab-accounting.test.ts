// The final accounting pass (src/labs/accounting.ts): whatever the layout rules decide, every
// result-like value of a line is an analyte's value, part of the reference/unit/name text of an
// analyte of its record, administrative by an explicit rule, or its line is in unparsed_lines.
// The lines below are built to defeat the layout rules the way the blind held-out runs did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { accountLines, resultTokens } from '../../src/labs/accounting.ts';
import { cleanLine } from '../../src/labs/lines.ts';
import { numbersIn } from '../../src/labs/numbers.ts';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Each value is an analyte's value or sits in an unparsed line (never silent). */
function assertNeverSilent(text: string, values: Array<number | string>) {
  const r = parseLabReport(text, { today: '2025-06-01' });
  for (const v of values) {
    const read = [...r.analytes, ...r.qualitative].some((a) =>
      typeof v === 'number' ? a.value === v : typeof a.value === 'string' && fold(a.value).includes(fold(v)),
    );
    const listed = r.unparsed_lines.some((l) =>
      typeof v === 'number' ? numbersIn(l).some((n) => n.values.some((x) => Math.abs(x - v) < 1e-9)) : fold(l).includes(fold(v)),
    );
    assert.ok(read || listed, `${v} dropped in silence from:\n${text}\n${JSON.stringify(r, null, 1)}`);
  }
  return r;
}

test('two results on one line (page columns): the second is read or its line is listed', () => {
  const r = assertNeverSilent(
    [
      'Paciente: JOSÉ DA SILVA    Sexo: M    Idade: 64 anos',
      '',
      'Glicose           92 mg/dL    70 a 99              Ureia            48 mg/dL    15 a 45',
    ].join('\n'),
    [92, 48],
  );
  assert.equal(r.analytes.filter((a) => a.value === 92).length, 1, 'the first result is still read');
});

test('a result hidden after a reference, on the reference line under the result', () => {
  assertNeverSilent(['GLICOSE', 'Resultado: 95 mg/dL', 'Valor de referência: 70 a 99 mg/dL   Hemoglobina glicada 6,1 %'].join('\n'), [95, 6.1]);
});

test('a value beside a bound is never taken for the range alone ("1,92 ng/mL   Até 4,00 ng/mL" under a title)', () => {
  assertNeverSilent(
    ['ANTÍGENO PROSTÁTICO ESPECÍFICO (PSA TOTAL), soro', 'Método: Quimioluminescência', '1,92 ng/mL                        Até 4,00 ng/mL'].join('\n'),
    [1.92],
  );
});

test('a value on a line that reads as a title (a name with digits and a number) is listed', () => {
  assertNeverSilent(['HIV 1 e 2 - Anticorpos 0,12', 'VITAMINA B12 (COBALAMINA) 350'].join('\n'), [0.12, 350]);
});

test('a value on an administrative-looking line with a lab unit is read or listed', () => {
  assertNeverSilent(['Data: 12/05/2025   Glicose 131 mg/dL', 'Observação: potássio 6,8 mEq/L, amostra hemolisada'].join('\n'), [131, 6.8]);
});

test('word results with word references, and sentences after Resultado:, are read or listed', () => {
  assertNeverSilent(
    [
      'Cor ........................ Amarelo claro            Amarelo citrino a amarelo claro',
      'Bactérias .................. Numerosas                Ausentes ou raras',
      '',
      'PARASITOLÓGICO DE FEZES',
      'Resultado: Foram encontrados cistos de Giardia lamblia.',
      '',
      'HIV 1 e 2 - Anticorpos',
      'Não reagente',
      'Não reagente',
    ].join('\n'),
    ['Amarelo claro', 'Numerosas', 'Giardia', 'Não reagente'],
  );
});

test('a negative value is seen as negative (base excess)', () => {
  assertNeverSilent('BE (excesso de base) ... -2,8 mmol/L   -2,0 a +2,0 mmol/L', [-2.8]);
});

test('a line that made an analyte and holds one more value is still listed, for a person to check', () => {
  const r = parseLabReport('Hemoglobina 13,5 g/dL   12,0 a 16,0   Hematócrito 41', { today: '2025-06-01' });
  const read = r.analytes.map((a) => a.value);
  if (!read.includes(41))
    assert.ok(
      r.unparsed_lines.some((l) => l.includes('41')),
      JSON.stringify(r),
    );
});

test('references under a result, age bands and administrative lines are accounted for, not listed', () => {
  const r = parseLabReport(
    [
      'LABORATÓRIO CENTRAL - CNES 6612345',
      'Paciente: ANA LIMA, 7 anos   Pedido nº 88123   Coleta: 02/06/2025 07:45',
      'Médico: Dr. Paulo Reis - CRM/SP 123456',
      '',
      'HEMOGLOBINA',
      'Resultado: 12,1 g/dL',
      'Valores de referência (2 a 19 anos):',
      '  6 meses a 6 anos: 11,5 a 13,5 g/dL',
      '  7 a 12 anos: 11,5 a 15,5 g/dL',
      '',
      'Página 1 de 2',
    ].join('\n'),
    { today: '2025-06-01' },
  );
  assert.deepEqual(
    r.analytes.map((a) => a.value),
    [12.1],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('result-like tokens: dates, registrations, ages, powers of ten and control runs are not results', () => {
  const tokens = (l: string) => resultTokens(l).map((t) => t.text);
  assert.deepEqual(tokens('Paciente: JOSE   Idade: 64 anos   CRM/SP 12345   Coleta: 16/06/2025 08:30'), []);
  assert.deepEqual(tokens('Cartão SUS: 706 1234 5678 9012   Página 1 de 2'), []);
  assert.deepEqual(tokens('Eritrócitos        4,35        10^6/µL      3,90 - 5,03'), ['4,35', '3,90', '5,03']);
  assert.deepEqual(tokens('TP: 18,9 s (controle: 12,4 s)'), ['18,9']);
  assert.deepEqual(tokens('Glicose 189mg/dL'), ['189']);
  assert.deepEqual(tokens('Anti-HCV .... : Não reagente'), ['Não reagente']);
  assert.deepEqual(tokens('Resultado: Foram encontrados cistos de Giardia lamblia.'), ['Foram encontrados cistos de Giardia lamblia']);
});

test('words in a value cell that no list holds (an antibiogram) are listed when not read', () => {
  assertNeverSilent(
    [
      'ANTIBIOGRAMA',
      'Antimicrobiano                 Interpretação',
      'Ceftriaxona                    SENSÍVEL',
      'Meropeném                      SENSIBILIDADE AUMENTADA',
      'Amoxicilina + clavulanato      RESISTENTE',
    ].join('\n'),
    ['SENSÍVEL', 'SENSIBILIDADE AUMENTADA', 'RESISTENTE'],
  );
});

test('how many samples an exam took, ending its title, is no result; where the title goes on it still lists the line', () => {
  assert.deepEqual(resultTokens(cleanLine('COPROPARASITOLÓGICO - 2 AMOSTRAS\tLiberado em 03/02/2025 09:40', 0).text), []);
  assert.deepEqual(resultTokens(cleanLine('**COPROPARASITOLÓGICO - 2 AMOSTRAS**', 0).text), []);
  // A finding in words after the title: were it lost, the count is what lists the line.
  assert.deepEqual(
    resultTokens(cleanLine('COPROPARASITOLÓGICO (2 amostras - Faust)   Cistos de Giardia lamblia', 0).text).map((t) => t.text),
    ['2'],
  );
});

test("an intensive care unit's number in a letterhead, a bed with its ward and a slash, and 'PAC :' are no results", () => {
  assert.deepEqual(resultTokens(cleanLine('Laboratório de Análises - Unidade de Terapia Intensiva Pediátrica 3', 0).text), []);
  assert.deepEqual(resultTokens(cleanLine('Leito: CTI-1 / 12     Médica: Dra. Ana Prado  CRM-PE 20441', 0).text), []);
  assert.deepEqual(resultTokens(cleanLine('PAC : 0733190  MARIA DAS DORES   SEXO: F', 0).text), []);
  assert.deepEqual(
    resultTokens(cleanLine('PAC : 0733190   48,7', 0).text).map((t) => t.values),
    [[48.7]],
  );
  assert.deepEqual(
    resultTokens(cleanLine('Laboratório de Análises - UTI Adulto 3   48,7', 0).text).map((t) => t.values),
    [[48.7]],
  );
});

test('a word row whose reference names the result among the words it allows is a result row', () => {
  // The stool table of a portal ("Consistência → Pastosa → Pastosa ou formada"), rewritten: were its result lost,
  // the row would have to be listed.
  assert.deepEqual(
    resultTokens(cleanLine('Aspecto\tSemipastoso\tSemipastoso ou moldado', 0).text).map((t) => t.text),
    ['Semipastoso'],
  );
  assert.deepEqual(resultTokens(cleanLine('Exame\tResultado\tValor de referência', 0).text), []);
});

test('OCR noise in numbers ("1O2", "l,O4") is read as numbers, never hidden as letters', () => {
  const r = assertNeverSilent(
    ['| Exame | Resultado | Referência |', '|---|---|---|', '| Glicose | 1O2 mg/dL | 7O a 99 mg/dL |', '| Creatinina | l,O4 mg/dL | O,7O a l,3O mg/dL |'].join(
      '\n',
    ),
    [102, 1.04],
  );
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [
      [102, 'alto'],
      [1.04, 'normal'],
    ],
  );
  // Oxygen and carbon dioxide keep their names.
  assert.deepEqual(
    parseLabReport('pO2 ........ 71 mmHg   80 - 100 mmHg\nSaturação de O2 ..... 92 %   95 - 99 %', { today: '2025-06-01' }).analytes.map((a) => a.value),
    [71, 92],
  );
});

// The "any one analyte lost" property (test/corpus/lab-accounting-lost-*.test.ts), on layouts where a neighbour's text once accounted for a lost result's
// line (sets 85, 86, 88, 90; rewritten): a bound equal to a value alone on its line, a reference under the next
// block printing a value labelled "Resultado:", a finding one space after its name, a portal's link cell.
test('a lost result is listed where a neighbour prints the same number or no cell break sets its word apart', () => {
  const reports = [
    ['Ureia', '38 mg/dL', '15 a 40 mg/dL', 'Creatinina', '1,1 mg/dL', 'até 1,2 mg/dL', 'Ácido úrico', '1,2 mg/dL', 'até 1,1 mg/dL'],
    [
      'GAMA GT                                Resultado: 58 U/L',
      'Valores de referência:',
      '   Homens ........... 8 a 61 U/L',
      '-----------------------------------',
      'FOSFATASE ALCALINA                     Resultado: 61 U/L',
      'Valores de referência:',
      '   Homens ........... 40 a 129 U/L',
    ],
    [
      'SOROLOGIAS',
      'Rubéola IgG ........ Reagente          (c)',
      'HBsAg (quimiluminescência) Não reagente       (c)',
      'Anti-HCV ........... Não reagente     (c)',
    ],
    ['Glicose\t96 mg/dL\t70 a 99\tVer histórico', 'Ureia\t31 mg/dL\t15 a 40\tVer histórico'],
  ];
  let lost = 0;
  for (const report of reports) {
    const text = report.join('\n');
    const r = parseLabReport(text, { today: '2025-06-01' });
    const lines = text.split('\n').map((raw, index) => ({ index, raw, text: cleanLine(raw, index).text }));
    const read = [...r.analytes, ...r.qualitative];
    assert.ok(read.length >= 2, `read ${JSON.stringify(read.map((a) => a.name))} from\n${text}`);
    read.forEach((a, k) => {
      lost++;
      const listed = accountLines(
        lines,
        read.filter((_, j) => j !== k),
        [],
      );
      assert.ok(listed.includes(lines[a.line]!.raw.trim()), `${a.name}=${a.value} lost and its line not listed`);
    });
  }
  assert.ok(lost >= 9, `${lost} losses checked`);
  // A link's label is no previous result's: the number after it is read or listed, never cut off.
  const r = parseLabReport('Glicose\t96 mg/dL\t70 a 99\tVer histórico   48,7', { today: '2025-06-01' });
  assert.ok(r.analytes.some((a) => a.value === 48.7) || r.unparsed_lines.some((u) => u.includes('48,7')), JSON.stringify(r));
});

// A SUS system's registration (SISPRENATAL, SISCAN) and a council's number after its region and state
// ("CRBM-1 MT 33.915") are identifiers, as CNS and CRM are (set 93; rewritten); a value after them still counts.
test('SUS system registrations and a council number after its region and state are administrative', () => {
  assert.deepEqual(resultTokens(cleanLine('CNS: 898 0012 3456 7890        SISCAN: 52019900417', 0).text), []);
  assert.deepEqual(resultTokens(cleanLine('Liberado por: Dra. Ana Prado - Biomédica - CRBM-3 GO 12.480', 0).text), []);
  assert.deepEqual(
    resultTokens(cleanLine('Liberado por: Dra. Ana Prado - CRBM-3 GO 12.480   48,7', 0).text).map((t) => t.values),
    [[48.7]],
  );
});

// The corpus properties (any one analyte lost is listed; a value or a word added to a line is read or listed):
// test/corpus/lab-accounting-lost-*.test.ts and test/corpus/lab-accounting-corpus-*.test.ts.

// A bare number printed at the end of a signature or letterhead line, after a whole identifier: the
// line is administrative, but the number is no part of the registration before it, so the line is
// listed; the ordinary letterhead lines (registrations printed in groups, a council's region) are not.
test('a value after a registration at the end of a signature or letterhead line is listed, the letterhead alone is not', () => {
  for (const [line, value] of [
    ['Resp. técnico: Dr. Caio Lemos — CRF-SC 21.447 Liberado em 03/04/2026 37,9', 37.9],
    ['Laboratório Pampa — Código: 41.902.318-5 37,9', 37.9],
    ['Resp. técnico: Dr. Caio Lemos — CRF-SC 21.447 37', 37],
    ['Laboratório Pampa — Código: 41.902.318-5 37', 37],
    ['Clínica Delta — CNES 3318820 412', 412],
    ['Rua Tupis, 210 - Centro - Lages/SC - CNES 3318820 37,9', 37.9],
    ['Av. Brasil, 1500 - Fone (49) 3222-1190 37', 37],
  ] as const) {
    const r = assertNeverSilent(['Sexo: M', 'Ureia   30 mg/dL   15 a 45 mg/dL', line].join('\n'), [value]);
    assert.ok(r.unparsed_lines.includes(line), line);
  }
  for (const line of [
    'Resp. técnico: Dr. Caio Lemos — CRF-SC 21.447 Liberado em 03/04/2026',
    'Laboratório Pampa — Código: 41.902.318-5',
    'Cartão SUS: 708 4021 9933 1175',
    'Carteira 0092 8815 4401 7',
    'Fone (48) 3222-1190',
    'Av. Brasil, 1500 - Fone (49) 3222-1190',
    'Rodovia SC-401, Km 4,5 - Florianópolis/SC',
    'Liberado por: Ana Souza - Biomédica - CRBM-1 28.771',
    'Dr(a): Ivo Prates  CRM 63 118',
  ]) {
    const r = parseLabReport(['Sexo: M', 'Ureia   30 mg/dL   15 a 45 mg/dL', line].join('\n'));
    assert.deepEqual(r.unparsed_lines, [], line);
  }
  // Earlier results each after its date and a "»" are administrative too (set 34).
  assert.deepEqual(resultTokens('Resultados anteriores:   11/03/2025 » 97 mg/dL      02/10/2024 » 101 mg/dL'), []);
});

test('an age with its years abbreviated in brackets after a birth date ("(41 a)", "(6 a 4 m)") a highway\'s kilometre in an address and a sample code, a request number and the time since a dose are never listed unread', () => {
  for (const line of ['Sexo....: Masculino   Nascimento: 12/09/1984 (41 a)   Coleta: 02/03/2026 07:40', 'Nasc.: 20/11/2019 (6 a 4 m)']) {
    const r = parseLabReport(['Ureia   30 mg/dL   15 a 45 mg/dL', line].join('\n'));
    assert.deepEqual(r.unparsed_lines, [], line);
    assert.deepEqual(resultTokens(line), [], line);
  }
  // A highway's kilometre in an address is no result either, before or after its number.
  for (const line of ['| Rod. Anhanguera, km 312 - Cordeirópolis/SP - CNES 5510293   |', 'Rodovia BR-101, Km 18,5 - Palhoça/SC']) {
    assert.deepEqual(parseLabReport(['Ureia   30 mg/dL   15 a 45 mg/dL', line].join('\n')).unparsed_lines, [], line);
  }
  // A sample code of the lab's letters, the year and a sequence, whatever its label; a request number;
  // the time since a dose.
  for (const line of [
    'Nº DA AMOSTRA: HRS-2026-000915     COLETA: 04/03/2026',
    'Pedido HCL/2026/00391',
    'SOLICITAÇÃO: 2261097      COLETA: 03/03/2026 10:15',
    'Última dose: 02/03/2026 21:30 - coleta 12 h 15 min após a dose',
  ]) {
    assert.deepEqual(resultTokens(line), [], line);
  }
  // A bracketed count with another unit is still a result to account for, and so are minutes alone.
  assert.notDeepEqual(resultTokens('Tempo de sangramento   3 min'), []);
  assert.notDeepEqual(resultTokens('Eosinófilos   (41 /mm³)'), []);
});

// After set 105 (h1026): a portal's footer gives the lab's call centre by its phone.
test("a lab's call centre by its phone is administrative; a number after 'central' that is no phone is not", () => {
  const r = parseLabReport(['Glicose: 92 mg/dL (70 a 99)', 'Dúvidas? Ligue para a nossa Central: 3003-1234.'].join('\n'), { today: '2025-06-01' });
  assert.deepEqual(r.unparsed_lines, []);
  assert.ok(resultTokens('Pressão venosa central: 12 cmH2O').some((t) => t.values.includes(12)));
});

// With set 83 in the corpus tests (h804): a newborn's birth weight in the patient's line.
test("a newborn's birth weight in the patient's line is administrative", () => {
  const r = parseLabReport(['Idade: 3 dias — RN pré-termo (35 semanas), PN 2.480 g', 'Bilirrubina total: 11,2 mg/dL'].join('\n'), { today: '2025-06-01' });
  assert.deepEqual(r.unparsed_lines, []);
  assert.deepEqual(
    r.analytes.map((a) => a.value),
    [11.2],
  );
});

// With set 83 in the corpus tests (h811): a history line gives a date's several results, each after its name.
test("a history line's dated results, each after its name, are earlier samples; a number after them is still counted", () => {
  const text = ['TSH ................ 2,10 µUI/mL    0,40 a 4,50', 'HISTÓRICO ......... 03/02/2025: TSH 3,20 · T4 livre 1,05 · anti-TPO 88'];
  assert.deepEqual(parseLabReport(text.join('\n'), { today: '2025-06-01' }).unparsed_lines, []);
  const added = `${text[1]}      47,5`;
  assert.ok(resultTokens(added).some((t) => t.values.includes(47.5)));
});

// With set 106 in the corpus tests (h1042): a transcriber marks a doubtful digit of a registration.
test('a registration with a digit a transcriber marked doubtful in brackets is administrative', () => {
  const r = parseLabReport(['Creatinina: 0,9 mg/dL (0,6 a 1,2)', 'Responsável: Dra. Ana Lins – CRBM 5.3[?]1 · Página 1/1'].join('\n'), { today: '2025-06-01' });
  assert.deepEqual(r.unparsed_lines, []);
});

// With set 110 in the corpus tests (h1079): a dialysis session's line gives the room beside the machine.
test("a dialysis session's room and machine, and requisitions listed after slashes, are administrative; a result on a line of its own is still read", () => {
  const r = parseLabReport(
    [
      'Turno: 3ª/5ª/sáb - tarde     Sala: 4 - máquina 07     Acesso: cateter jugular direito',
      'Requisições: GAL 250611-07 / INT 55120',
      'Potássio pré-diálise: 5,8 mEq/L (3,5 a 5,1)',
    ].join('\n'),
    { today: '2025-06-01' },
  );
  assert.deepEqual(r.unparsed_lines, []);
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [[5.8, 'alto']],
  );
});
