// The general causes behind the misses of held-out set 161 (h1584, h1586, …), one focused case each: the
// parser on a few lines of our own, other names and values than the corpus's. No database, no model.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type LabParseResult, parseLabReport } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => r.analytes.map((a) => [a.name, a.value, a.flag] as const);

test('a viscoelastic grid: channels as rows, parameters as columns, each row’s ranges on a "ref." line under it', () => {
  const text = [
    'Paciente: JOANA LIMA   Sexo: F   Idade: 47 anos',
    '',
    'Ensaio      CT (s)      CFT (s)     A10 (mm)    MCF (mm)    ML (%)      Situação',
    'EXTEM       71 ↑        120         33 ↓        52          4           finalizado',
    '  ref.      (40–65)     (30–150)    (41–60)     (48–70)     (< 12)',
    'FIBTEM      —           —           11          13          —           finalizado',
    '  ref.                              (8–24)      (10–26)',
    '',
    'Comentário: sem hiperfibrinólise.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['EXTEM CT', 71, 'alto'],
    ['EXTEM CFT', 120, 'normal'],
    ['EXTEM A10', 33, 'baixo'],
    ['EXTEM MCF', 52, 'normal'],
    ['EXTEM ML', 4, 'normal'],
    ['FIBTEM A10', 11, 'normal'],
    ['FIBTEM MCF', 13, 'normal'],
  ]);
  assert.deepEqual(
    r.unparsed_lines.filter((l) => /ref\.|EXTEM|FIBTEM|Ensaio/.test(l)),
    [],
  );
});

test('a grid of the same shape with no "ref." lines under its rows is no channel grid', () => {
  const text = ['Ensaio      CT (s)      CFT (s)     A10 (mm)', 'EXTEM       71          120         33', 'INTEM       180         90          40'].join('\n');
  const r = parseLabReport(text);
  assert.ok(!r.analytes.some((a) => a.name === 'EXTEM CT'));
});

test('a dotted block whose title names a method column: the method after each unit is no reference', () => {
  const text = [
    'Sexo: Feminino   Idade: 44 anos',
    '',
    'BIOQUIMICA DO LIQUIDO PLEURAL                  Método',
    '  Triglicérides .....: 30 mg/dL              GPO-PAP',
    '  LDH ...............: 300 U/L               Cinético',
    '  ADA ...............: 52,5 U/L              Giusti modificado      VR: até 40 U/L',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).map(([n, v, f]) => [n.replace(/^Triglic.*/, 'TG'), v, f]),
    [
      ['TG', 30, r.analytes[0]!.flag],
      ['LDH', 300, 'indeterminado'],
      ['ADA', 52.5, 'alto'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a time counted in hours: the lower-case "h" after it is its unit, never the high mark', () => {
  const text = ['Sexo: M   Idade: 52 anos', '', 'FRASCO A', '   Tempo de positividade: 17,6 h', '   Microrganismo isolado: Klebsiella pneumoniae'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value, a.unit, a.flag]),
    [['Tempo de positividade', 17.6, 'h', 'indeterminado']],
  );
});

test('a Gram smear described in words after a colon is its result, hyphenated words and all', () => {
  const text = [
    'Sexo: M   Idade: 52 anos',
    '',
    'FRASCO A',
    '   Bacterioscopia (Gram): Bacilos Gram-negativos curtos',
    '   Microrganismo isolado: Klebsiella pneumoniae',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.qualitative.map((q) => [q.name, q.value]),
    [
      ['Bacterioscopia (Gram)', 'Bacilos Gram-negativos curtos'],
      ['Microrganismo isolado', 'Klebsiella pneumoniae'],
    ],
  );
});

test('a reference line listing one reference per result above, led by each name, shortened or not', () => {
  const text = [
    'Sexo: F   Idade: 36 anos',
    'Exame: Painel molecular',
    'Resultado:',
    '   Neisseria gonorrhoeae: DETECTADO MUITO BAIXO',
    '   Chlamydia trachomatis: NÃO DETECTADO',
    'Valor de Referência: N. gonorrhoeae: Não detectado | C. trachomatis: Não detectado',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.qualitative.map((q) => [q.name, q.value, q.flag]),
    [
      ['Neisseria gonorrhoeae', 'DETECTADO MUITO BAIXO', 'alterado'],
      ['Chlamydia trachomatis', 'NÃO DETECTADO', 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a footnote call after a row’s reference, and a reference cell saying none applies, leave the row readable', () => {
  const text = [
    'Sexo: F   Idade: 40 anos',
    ' EXAME             RESULTADO    UNIDADE    REFERÊNCIA',
    ' Cloreto           112          mmol/L     98 a 107  (*)',
    ' pO2               61           mmHg       não aplicável em sangue venoso',
    ' Bilirrubina total 14,2         mg/dL      ver curva de fototerapia (**)',
    '(*)  Amostra lipêmica.',
    '(**) Limiar conforme idade gestacional.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Cloro', 112, 'alto'],
    ['pO2', 61, 'indeterminado'],
    ['Bilirrubina total', 14.2, 'indeterminado'],
  ]);
});

test('a "(*)" the report never explains stays as printed', () => {
  const text = ['Sexo: F   Idade: 40 anos', ' Cloreto           112          mmol/L     98 a 107  (*)'].join('\n');
  const r = parseLabReport(text);
  assert.ok(!r.analytes.some((a) => a.value === 112 && a.flag === 'alto' && a.reference_text === '98 a 107'));
});

test('a smear whose name says which bottle with a result word ("… do frasco positivo:") is read, never dropped', () => {
  const text = ['HEMOCULTURA (2 amostras)', '   Coloração de Gram do frasco aeróbio positivo: Bacilos Gram-negativos'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.qualitative.map((q) => [q.name, q.value]),
    [['Coloração de Gram do frasco aeróbio positivo', 'Bacilos Gram-negativos']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});
