// The general causes behind the misses of held-out sets 67, 69, 71 and 108 (and the later sets of the same
// round), one focused case each: the parser on the few lines that show each layout, with other names,
// values and text than the sets. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) =>
  [...r.analytes.map((a) => [a.line, a.name, a.value, a.unit, a.flag] as const), ...r.qualitative.map((a) => [a.line, a.name, a.value, null, a.flag] as const)]
    .sort((a, b) => a[0] - b[0])
    .map(([, ...rest]) => rest);

test("a portal's history under its heading lists earlier samples, each after its date: none is a result nor unread", () => {
  const text = [
    'Paciente: MARIA DAS DORES LIMA | Sexo: Feminino',
    'HEPATITE C - CARGA VIRAL (HCV-RNA)',
    'Resultado',
    '1.870 UI/mL (log 3,27)',
    'Valores de referência',
    'Não detectado: inferior a 12 UI/mL',
    'Histórico ▾',
    '   03/02/2025 · 9.410 UI/mL (log 3,97)',
    '   11/09/2024 · 66.300 UI/mL (log 4,82)',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([name, value]) => [name, value]),
    [['HEPATITE C - CARGA VIRAL (HCV-RNA)', 1870]],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

const HEADER = 'Nome: CLÁUDIA REGINA SOUZA     Sexo: Feminino     Idade: 52 anos';
const ROW = 'Glicose                 101 mg/dL          70 a 99 mg/dL';
const readsOnlyTheRow = (line: string) => {
  const r = parseLabReport([line, HEADER, ROW].join('\n'));
  assert.deepEqual(brief(r), [['Glicose', 101, 'mg/dL', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
};

test("a postcode glued to its label in a letterhead ('CEP85501-070') is no value", () => {
  readsOnlyTheRow('Av. Brasil, 1020 - Centro - Pato Branco/PR   CEP85501-070');
});

test("a road out of town is a street ('Estrada da Ponte Alta, 88'): its number is no value", () => {
  readsOnlyTheRow('Laboratório Boa Vista - Estrada da Ponte Alta, 88 - tel (46) 3225-1170');
});

test("a council registration elided with its state ('… CRBM ...', a footer a photo cut) is administrative", () => {
  readsOnlyTheRow('*(assinatura ilegível na foto: "...conferido por Dra. ... CRBM ...")*');
});

test("a ward by its number ('Enfermaria Cirúrgica 3') beside the bed is where the patient lies, no value", () => {
  readsOnlyTheRow('Data Nasc.: 02/03/1973    Unidade: Enfermaria Cirúrgica 3 - Leito 107');
});

test("a lab's accreditation level ('ONA Nível 2') and its system's name and version after a colon ('Sistema: LabX 4') are no values", () => {
  readsOnlyTheRow('Laboratório acreditado ONA Nível 2 - Participante PNCQ              Folha 1/2');
  readsOnlyTheRow('HOSPITAL SANTA LUZIA - LABORATÓRIO CLÍNICO       Sistema: LabWin 4');
});

test('a differential printed one cell a line: each count is given back on the line its value is printed on', () => {
  const text = ['Paciente: ANA PAULA FREITAS   Sexo: Feminino   Idade: 36 anos', 'Linfócitos', '31 %', '2.015 /mm³', '20 a 45 %', '1.000 a 4.500 /mm³'].join(
    '\n',
  );
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.line]),
    [
      ['Linfócitos (%)', 31, 2],
      ['Linfócitos', 2015, 3],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('an SMS cut inside a reference: the results of the next part are given back on the line that part is printed on', () => {
  const text = ['(1/2) LAB CENTRAL: Glicose 92 mg/dL (ref 70 a 99); TSH 3,10 uUI/mL (ref 0,45 a', '10:02', '(2/2) 4,50); Ureia 28 mg/dL (ref 15 a 45)'].join(
    '\n',
  );
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.line]),
    [
      ['Glicose', 92, 0],
      ['TSH', 3.1, 0],
      ['Ureia', 28, 2],
    ],
  );
});

test("a differential a phone's viewer wrapped anywhere: each count is given back on the line its value is printed on", () => {
  const text = [
    'Paciente: ANA PAULA FREITAS   Sexo: Feminino   Idade: 36 anos',
    '%',
    '/mm³',
    'Linfócitos',
    '31,0 2.015 1.000 a 4.500',
    'Monócitos 6,0',
    '390 200 a 1.000',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.line]),
    [
      ['Linfócitos (%)', 31, 4],
      ['Linfócitos', 2015, 4],
      ['Monócitos (%)', 6, 5],
      ['Monócitos', 390, 6],
    ],
  );
});

test("a day of the month in a forwarded e-mail's sentence ('o retorno é dia 14.') is a date, no value", () => {
  readsOnlyTheRow('Dra. Lúcia, boa tarde. Seguem os exames do meu pai. O retorno é dia 14.');
});

test("a panel's shared reference after the table's unit field ('Unidade: kUA/L   Referência: Não detectável — inferior a 0,10'): each row's, the line no unread one", () => {
  const text = [
    'Paciente: Lucas Prado Nunes\tSexo: Masculino\tIdade: 12 anos',
    'IgE ESPECÍFICA - ALIMENTOS',
    'Método: ImmunoCAP\tMaterial: Soro',
    'Unidade: kUA/L\tReferência: Não detectável — inferior a 0,10 kUA/L',
    'Alérgeno\tResultado (kUA/L)\tClasse',
    'f13 - Amendoim\t4,12\t3',
    'f4 - Trigo\t0,07\t0',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.flag, a.reference_text]),
    [
      ['f13 - Amendoim', 4.12, 'alto', 'Não detectável — inferior a 0,10 kUA/L'],
      ['f4 - Trigo', 0.07, 'normal', 'Não detectável — inferior a 0,10 kUA/L'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
