// The general causes behind the misses of held-out set 114, one focused case each: the parser on the few
// lines that show each layout, with other names, values and text than the set. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) =>
  [...r.analytes.map((a) => [a.line, a.name, a.value, a.unit, a.flag] as const), ...r.qualitative.map((a) => [a.line, a.name, a.value, null, a.flag] as const)]
    .sort((a, b) => a[0] - b[0])
    .map(([, ...rest]) => rest);

test("an app card's verdict chip on a line of its own between the value and its reference: the reference is still the value's", () => {
  const text = [
    'Paciente: Lúcia Moreira Prado',
    'Feminino · 52 anos',
    'Ferritina',
    '9,1 ng/mL',
    '● Abaixo',
    'Ref. 15 a 150',
    'Glicose',
    '104 mg/dL',
    '▲ Acima',
    'Referência: 70 a 99 mg/dL',
    'Ureia',
    '30 mg/dL',
    '● Normal',
    'Ref. 15 a 45',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Ferritina', 9.1, 'ng/mL', 'baixo'],
    ['Glicose', 104, 'mg/dL', 'alto'],
    ['Ureia', 30, 'mg/dL', 'normal'],
  ]);
  assert.equal(r.analytes[0]!.reference_text, '15 a 150');
  assert.deepEqual(r.unparsed_lines, []);
});

test('the card two screenshots both show where they overlap is one result', () => {
  const text = [
    'Paciente: Lúcia Moreira Prado',
    'Feminino · 52 anos',
    '09:12 ✉ 4G 80%',
    'Hemoglobina',
    '11,2 g/dL',
    'Ref. 12,0 a 15,5',
    'VCM',
    '79,0 fL',
    'Ref. 80 a 98',
    ' Início     Exames     Perfil',
    '09:13 ✉ 4G 79%',
    'VCM',
    '79,0 fL',
    'Ref. 80 a 98',
    'HCM',
    '25,1 pg',
    'Ref. 26 a 34',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 11.2, 'g/dL', 'baixo'],
    ['VCM', 79, 'fL', 'baixo'],
    ['HCM', 25.1, 'pg', 'baixo'],
  ]);
});

test("a card's specimen line that numbers the sample ('Urina 2ª amostra · Nefelometria') is the card's detail, never the result's name", () => {
  const text = [
    'Paciente: Lúcia Moreira Prado · Feminino · 52 anos',
    'Microalbuminúria',
    'Urina 2ª amostra · Nefelometria',
    '41 mg/g',
    '▲ Acima',
    'Referência: inferior a 30 mg/g',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Microalbuminúria', 41, 'mg/g', 'alto']]);
});

test('results a patient types after the sample they come from ("do sangue hemoglobina 12,1 leucocitos 6.100") are each read', () => {
  const text = [
    '02/06/2025 08:10 - Marta Lima: do sangue hemoglobina 12,1 leucocitos 6.100',
    '02/06/2025 08:11 - Marta Lima: e da urina leucocitos 8 por campo',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F' });
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 12.1, null, 'indeterminado'],
    ['Leucócitos', 6100, null, 'indeterminado'],
    ['Leucócitos', 8, '/campo', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a chat bot's keycap menu and the number the user types back are no results", () => {
  const text = [
    '[09:02, 03/06/2025] Laboratório Vida: Olá! Escolha uma opção:',
    '1️⃣ Ver resultados',
    '2️⃣ Agendar coleta',
    '[09:03, 03/06/2025] Rita: 1',
    '[09:03, 03/06/2025] Laboratório Vida: *Glicose:* 88 mg/dL (Ref.: 70 a 99)',
    'Quer o laudo em PDF? Digite *3*.',
    '[09:04, 03/06/2025] Rita: 3',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['Glicose', 88, 'mg/dL', 'normal']]);
  assert.ok(!r.unparsed_lines.some((l) => l.includes('️⃣')));
});

test("a note's reading of a result ('HBsAg reagente com anti-HBc reagente: indica …') is prose, never a second result", () => {
  const text = [
    'Paciente: JOSÉ ARAÚJO   Sexo: Masculino   Idade: 50 anos',
    'HBsAg',
    'Reagente',
    '',
    'Não reagente',
    'Observações:',
    'HBsAg reagente com anti-HBc IgM não reagente: sugere infecção crônica pelo vírus da hepatite B.',
    'Anti-HCV superior a 1,0 S/CO: repetir o teste em nova amostra para confirmação.',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['HBsAg', 'Reagente', null, 'alterado']]);
});

test("a finding in words with its word reference after a dash ('Cristais: Urato amorfo (moderados) — Ref.: Ausentes') is read", () => {
  const text = [
    'Paciente: JOSÉ ARAÚJO   Sexo: Masculino   Idade: 50 anos',
    '- **Cristais:** Urato amorfo (moderados) — Ref.: Ausentes',
    '- **Bactérias:** Raras — Ref.: [cortado]',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Cristais', 'Urato amorfo (moderados)', null, 'alterado'],
    ['Bactérias', 'Raras', null, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("an antibiogram typed 'Name - Word', its first row too, is read row by row", () => {
  const text = ['ANTIBIOGRAMA (Klebsiella pneumoniae)', 'Amicacina - Sensível', 'Cefalotina - Resistente', 'Meropenem - Sensível'].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Amicacina', 'Sensível', null, 'indeterminado'],
    ['Cefalotina', 'Resistente', null, 'indeterminado'],
    ['Meropenem', 'Sensível', null, 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
