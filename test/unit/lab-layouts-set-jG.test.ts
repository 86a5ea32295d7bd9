// The general causes behind the misses of held-out set 157 (h1543–h1551), one focused case each: the parser
// on a few lines of a report of our own with the same layout feature. No database, no model.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type LabParseResult, parseLabReport } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => r.analytes.map((a) => [a.name, a.value, a.flag] as const);

test('a measurement-uncertainty column "± U" between the result and the unit is no value of the row', () => {
  const text = [
    'Paciente: ANTONIO FERRAZ LIMA        Sexo: Masculino     Idade: 52 anos',
    '',
    'EXAME                       RESULTADO   ± U (k=2)   UNIDADE      REFERÊNCIA',
    '-------------------------------------------------------------------------------',
    'Potássio                        5,4      ± 0,1      mEq/L        3,5 a 5,1',
    'Albumina                        4,1      ± 0,2      g/dL         3,5 a 5,2',
    'Amilase                          71      ± 4        U/L          28 a 100',
    'Colesterol LDL calculado        131      —          mg/dL        Não estabelecido',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([, v, f]) => [v, f]),
    [
      [5.4, 'alto'],
      [4.1, 'normal'],
      [71, 'normal'],
      [131, 'indeterminado'],
    ],
  );
  assert.deepEqual(
    r.analytes.map((a) => a.unit),
    ['mEq/L', 'g/dL', 'U/L', 'mg/dL'],
  );
  assert.ok(!r.unparsed_lines.some((l) => /^(Potássio|Albumina|Amilase)/.test(l)), r.unparsed_lines.join('\n'));
});

test('a table copied column by column: header cells, then every name, every value, every unit, every range', () => {
  const text = [
    'Paciente: Carla Menezes Prado',
    'Sexo: Feminino   Idade: 34 anos',
    'BIOQUÍMICA',
    'Exame',
    'Resultado',
    'Unidade',
    'Valores de referência',
    'Sódio',
    'Potássio',
    'Cálcio total',
    'Magnésio',
    '139',
    '5,6',
    '8,1',
    '2,0',
    'mEq/L',
    'mEq/L',
    'mg/dL',
    'mg/dL',
    '136 a 145',
    '3,5 a 5,1',
    '8,6 a 10,3',
    '1,6 a 2,6',
    'LEUCOGRAMA',
    'Exame',
    'Relativo (%)',
    'Absoluto (/mm³)',
    'Ref. relativo (%)',
    'Ref. absoluto (/mm³)',
    'Segmentados',
    'Linfócitos',
    'Monócitos',
    '71',
    '19',
    '10',
    '5.112',
    '1.368',
    '720',
    '40 a 70',
    '20 a 45',
    '2 a 10',
    '1.600 a 7.000',
    '1.000 a 3.500',
    '200 a 900',
    'PLAQUETAS',
    'Plaquetas',
    '291.000',
    '/mm³',
    '150.000 a 450.000',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Sódio', 139, 'normal'],
    ['Potássio', 5.6, 'alto'],
    ['Cálcio', 8.1, 'baixo'],
    ['Magnésio', 2, 'normal'],
    ['Segmentados (%)', 71, 'alto'],
    ['Segmentados', 5112, 'normal'],
    ['Linfócitos (%)', 19, 'baixo'],
    ['Linfócitos', 1368, 'normal'],
    ['Monócitos (%)', 10, 'normal'],
    ['Monócitos', 720, 'normal'],
    ['Plaquetas', 291000, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a footnote mark in superscript set after the result, apart from it, is no part of the row', () => {
  const text = [
    'Paciente: PEDRO AUGUSTO LEMOS        Sexo: M    Idade: 61 anos',
    'EXAME                      Resultado          Unidade         Valores de Referência',
    '  Ácido fólico²              2,1 ³            ng/mL             3,9 a 26,8',
    '  Ferritina                412 ⁴,⁵            ng/mL             30 a 400',
    '² Quimioluminescência.  ³ Confirmado em reanálise.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([, v, f]) => [v, f]),
    [
      [2.1, 'baixo'],
      [412, 'alto'],
    ],
  );
  assert.deepEqual(
    r.analytes.map((a) => a.unit),
    ['ng/mL', 'ng/mL'],
  );
});

test('a flag column before the name: a flagged row under a word result is a row, not the word’s reference', () => {
  const text = [
    'Paciente ..: LUZIA MARQUES PRADO                 Sexo: F    Nascimento: 02/08/1960 (66 anos)',
    '',
    'SINAL      EXAME                          RESULTADO        REFERÊNCIA',
    '---------- ------------------------------ ---------------- ---------------------------',
    '',
    'SINAL      EXAME                          RESULTADO        REFERÊNCIA',
    '---------- ------------------------------ ---------------- ---------------------------',
    'UROCULTURA',
    '           Agente isolado                 Klebsiella pneumoniae',
    'ALTO       Contagem de colônias           > 50.000 UFC/mL Inferior a 10.000 UFC/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Contagem de colônias', 50000, 'alto']]);
  assert.deepEqual(
    r.qualitative.map((q) => [q.name, q.reference_text ?? '']),
    [['Agente isolado', '']],
  );
});

test('a bilingual report: the English label after a slash is no second range nor result', () => {
  const text = [
    'Laudo bilíngue / Bilingual report',
    'Paciente / Patient: JOHN SILVA       Sexo / Sex: Masculino / Male      Idade / Age: 52 anos',
    '',
    'BIOQUÍMICA / CLINICAL CHEMISTRY            Resultado / Result     Referência / Reference',
    'Colesterol total                           201 mg/dL              Desejável / Desirable: < 190 mg/dL',
    '   Total cholesterol',
    'Ácido úrico                                6,1 mg/dL              Homens / Men: 3,4 a 7,0 mg/dL',
    '   Uric acid',
    'Gama GT                                    38 U/L                 Até / Up to 60 U/L',
    '   Gamma-glutamyl transferase',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([, v, f]) => [v, f]),
    [
      [201, 'alto'],
      [6.1, 'normal'],
      [38, 'normal'],
    ],
  );
  assert.equal(r.qualitative.length, 0);
});

test('numbered items before the names: the number is no part of the name, a density keeps its decimal point', () => {
  const text = [
    'PACIENTE: MARCOS VINICIUS TELES                    SEXO: MASCULINO     IDADE: 41 ANOS',
    '4. URINÁLISE – EAS',
    '4.1  Cor ............................. Amarelo claro        (VR: Amarelo citrino)',
    '4.2  Densidade ....................... 1.018                (VR: 1.005 a 1.030)',
    '4.10 pH .............................. 5,5                  (VR: 5,0 a 7,5)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Densidade', 1.018, 'normal'],
    ['pH', 5.5, 'normal'],
  ]);
  assert.deepEqual(
    r.qualitative.map((q) => q.name),
    ['Cor'],
  );
});

test('a name with a superscript note mark, its reference cell pointing to the note: the note’s goals are its', () => {
  const text = [
    'Paciente: CARLOS EDUARDO MOTA        Sexo: M    Idade: 58 anos',
    'BIOQUÍMICA                 Resultado          Unidade         Valores de Referência',
    '  Colesterol total²          221            mg/dL             Desejável: < 190',
    '  LDL-colesterol³            104            mg/dL             Ver metas na nota 3',
    '',
    'Metas  ->  Baixo: LDL < 130 / não-HDL < 160   Intermediário: LDL < 100 / não-HDL < 130',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Colesterol total', 221, 'alto'],
    ['LDL-colesterol', 104, 'indeterminado'],
  ]);
  assert.match(r.analytes[1]!.reference_text ?? '', /Intermedi[aá]rio: < 100/);
});

test('a differential printed one cell a line, both counts under one name, is no column copy: each count on its own line', () => {
  const lines = ['LEUCOGRAMA', 'Eosinófilos', '4,1', '%', '287', '/µL', '1,0 a 5,0 %', '50 a 500 /µL'];
  const r = parseLabReport(lines.join('\n'), { sex: 'F', birthDate: '1980-02-11', today: '2025-06-01' });
  const at = (v: number) => r.analytes.find((a) => a.value === v)?.line;
  assert.deepEqual([at(4.1), at(287)], [2, 4], JSON.stringify(brief(r)));
});
