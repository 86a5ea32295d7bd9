// Probes for the layout families of held-out set 138 (reports reaching the app through phones and people),
// rewritten with other names and values: each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountLines, type AccountLine } from '../../src/labs/accounting.ts';
import { parseLabReport } from '../../src/labs/parse.ts';

const rows = (text: string, options = {}) => {
  const r = parseLabReport(text, options);
  return {
    rows: [...r.analytes, ...r.qualitative].map((a) => [a.name, a.value, a.flag]),
    lines: [...r.analytes, ...r.qualitative].map((a) => a.line),
    unparsed: r.unparsed_lines,
  };
};
const find = (got: ReturnType<typeof rows>, name: RegExp) => got.rows.find((r) => name.test(String(r[0])));

test('dictation: a sentence opening on "Os"/"No <section>," is no admin label, a remark before the reference, goals after "e"', () => {
  const text = [
    'Transcrição de áudio',
    '',
    'Bom dia doutor, aqui é a Sônia. No hemograma, a hemoglobina 11,2, tá baixinha, de 12 a 16. Os leucócitos 5.100, de 4.000 a 10.000.',
    'O colesterol total deu 201, o desejável é menor que 190. O LDL deu 118, aí tem umas metas: baixo risco menor que 130 e alto risco menor que 70. E o ferro deu 40, e ali diz que é acima de 50.',
  ].join('\n');
  const got = rows(text, { sex: 'F' });
  assert.deepEqual(find(got, /^hemoglobina$/i), ['Hemoglobina', 11.2, 'baixo']);
  assert.deepEqual(find(got, /^leuc/i), ['Leucócitos', 5100, 'normal']);
  assert.deepEqual(find(got, /^colesterol/i), ['Colesterol total', 201, 'alto']);
  assert.equal(find(got, /^LDL/i)?.[1], 118);
  assert.deepEqual(find(got, /^ferro/i)?.slice(1), [40, 'baixo']);
  assert.deepEqual(got.unparsed, []);
});

test('chat: a comma list of bare name-value pairs is one result each', () => {
  const text = ['10/03/2025 09:12 - Paula: oi, seguem', '10/03/2025 09:13 - Paula: ureia 28, creatinina 0,82, acido urico 5,1'].join('\n');
  const got = rows(text);
  assert.deepEqual(
    got.rows.map((r) => [r[0], r[1]]),
    [
      ['Ureia', 28],
      ['Creatinina', 0.82],
      ['Ácido úrico', 5.1],
    ],
  );
  assert.deepEqual(got.unparsed, []);
});

test('chat: "*4,2 mEq/L rsrs esqueci a vírgula" replaces the sender\'s last value, citing the correction', () => {
  const text = [
    '02/04/2025 20:01 - Rui: potassio 42',
    '02/04/2025 20:02 - Ana: ok',
    '02/04/2025 20:03 - Rui: *4,2 mEq/L rsrs esqueci a vírgula',
    '02/04/2025 20:04 - Rui: sodio 139',
  ].join('\n');
  const got = rows(text);
  const cal = got.rows.findIndex((r) => /pot[aá]ssio/i.test(String(r[0])));
  assert.equal(got.rows[cal]![1], 4.2);
  assert.equal(got.rows[cal]![2], 'normal');
  assert.equal(got.lines[cal], 2);
  assert.deepEqual(got.unparsed, []);
});

test('app card: a "Limítrofe" chip under the value leaves the tiers under "Referência" to judge it', () => {
  const text = ['LDL-colesterol', '112 mg/dL', 'Limítrofe', 'Referência', 'Desejável < 110 mg/dL; limítrofe 110 a 129 mg/dL; elevado ≥ 130 mg/dL'].join('\n');
  const got = rows(text, { birth_date: '2016-01-10', sex: 'F' });
  assert.deepEqual(got.rows, [['LDL-colesterol', 112, 'alto']]);
  assert.deepEqual(got.unparsed, []);
});

test('app card: a finding sentence alone under a stool exam is its result', () => {
  const text = [
    'Parasitologia',
    'Protoparasitológico de fezes',
    'Presença de cistos de Entamoeba coli',
    'Alterado',
    'Referência',
    'Ausência de parasitas',
  ].join('\n');
  const got = rows(text);
  assert.deepEqual(got.rows, [['Protoparasitológico de fezes', 'Presença de cistos de Entamoeba coli', 'alterado']]);
});

test('OCR: specks after a value are no cell, and a differential cell name is read back from rn for m', () => {
  const text = [
    'ERITROGRAMA                  RESULTADO              VALORES DE REFERÊNCIA',
    'Hematócrito.......: 41,3 % ¦                 36,0 a 46,0',
    'V.C.M. ...........: 85,1 fL  ~                80,0 a 100,0',
    '',
    'LEUCOGRAMA                  %        /mm3          V.R. %        V.R. /mm3',
    'Leucócitos .......          6.000              4.000 a 11.000',
    'Bastonetes .......     2       120        0 a 5          0 a 500',
    'Segrnentados .....    58     3.480       40 a 70       1.600 a 7.000',
  ].join('\n');
  const got = rows(text, { sex: 'F' });
  assert.deepEqual(find(got, /^hemat/i), ['Hematócrito', 41.3, 'normal']);
  assert.deepEqual(find(got, /^v\.?c\.?m/i)?.slice(1), [85.1, 'normal']);
  assert.ok(got.rows.some((r) => r[0] === 'Segmentados (%)' && r[1] === 58));
  assert.ok(got.rows.every((r) => !/rn/.test(String(r[0]))));
  assert.deepEqual(got.unparsed, []);
});

test('narrow PDF copy: a sex-split reference wrapped over lines, a range and a label cut', () => {
  const text = [
    'HEMOGLOBINA',
    'Resultado: 14,6 g/dL',
    'Valor de referência: Homens:',
    '13,5 a 17,5 g/dL Mulheres: 12',
    'a 15,5 g/dL',
    'FOSFATASE ALCALINA',
    'Resultado: 131 U/L',
    'Valor de referência: Homens:',
    '40 a 129 U/L Mulheres: 35 a',
    '104 U/L',
    'ESTRADIOL',
    'Resultado: 31 pg/mL',
    'Valor de referência: Homens',
    'de 18 a 60 anos: 11 a 44',
    'pg/mL Homens com 61 anos',
    'ou mais: 8 a 40 pg/mL',
  ].join('\n');
  const got = rows(text, { sex: 'M', birth_date: '1990-01-01' });
  assert.deepEqual(find(got, /^hemoglobina/i)?.slice(1), [14.6, 'normal']);
  assert.deepEqual(find(got, /^fosfatase/i)?.slice(1), [131, 'alto']);
  assert.deepEqual(find(got, /^estradiol/i)?.slice(1), [31, 'normal']);
  assert.deepEqual(got.unparsed, []);
});

test('screenshot cut at a column: a range upside down at the edge is cut inside an integer', () => {
  const text = [
    'BIOQUÍMICA',
    'Cálcio................ 9,1 mg/dL     8,6 a 1',
    'Fósforo............... 3,9 mg/dL     2,5 a 4,5',
    'Colesterol total...... 230 mg/dL     < 1',
  ].join('\n');
  const got = rows(text);
  assert.deepEqual(find(got, /c[aá]lcio/i)?.slice(1), [9.1, 'indeterminado']);
  assert.deepEqual(find(got, /f[oó]sforo/i)?.slice(1), [3.9, 'normal']);
});

test('e-mail: a sentence saying the day of an appointment is no result', () => {
  const text = [
    'Mando os exames do meu pai, Ivo, que ele pediu (o anexo não abre). O retorno está marcado para o dia 14. Ele continua tomando o remédio, como a senhora orientou, e o outro de manhã.',
    '',
    'Glicose: 92 mg/dL (70 a 99)',
  ].join('\n');
  const got = rows(text);
  assert.deepEqual(got.rows, [['Glicose', 92, 'normal']]);
  assert.deepEqual(got.unparsed, []);
});

test('a stool exam and its finding sentence after the colon, on one line, is a result; a sentence the reader cannot vouch for is listed', () => {
  const text = [
    'Hemoglobina: 13,1 g/dL (12,0 a 16,0)',
    'Parasitológico de fezes (Faust): Presença de cistos de Entamoeba histolytica',
    'Protoparasitológico: Foram encontrados ovos de Trichuris trichiura.',
    'Parasitológico: Negativo para ovos e cistos, amostra única analisada',
  ].join('\n');
  const got = rows(text, { sex: 'F' });
  assert.deepEqual(find(got, /^parasitol/i), ['Parasitológico de fezes (Faust)', 'Presença de cistos de Entamoeba histolytica', 'indeterminado']);
  assert.deepEqual(find(got, /^protoparasitol/i), ['Protoparasitológico', 'Foram encontrados ovos de Trichuris trichiura', 'indeterminado']);
  assert.deepEqual(got.unparsed, ['Parasitológico: Negativo para ovos e cistos, amostra única analisada']);
});

test("the accounting pass lists a finding sentence under its exam's title, or after its label, when no analyte read it", () => {
  const printed = [
    'Protoparasitológico de fezes (método de Faust)',
    'Presença de cistos de Endolimax nana',
    'Parasitológico: Foram encontrados ovos de Enterobius',
  ];
  const lines: AccountLine[] = printed.map((raw, index) => ({ index, raw, text: raw }));
  assert.deepEqual(accountLines(lines, [], []), printed.slice(1));
});
