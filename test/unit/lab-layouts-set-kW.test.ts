// The general causes behind held-out set 178's remaining corpus-check failures (h1753, h1755, h1760), one focused
// case each: the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows } from '../support/lab-rows.ts';

test("h1753: a translated copy's word result is set aside only for an earlier word of the same sense; 'Page 2 de 2' is a page mark", () => {
  const text = [
    'Paciente: NADÈGE LOUIS   Sexo: Feminino   Idade: 27 anos',
    'TIPAGEM SANGUÍNEA',
    '  Fator Rh (D) .......:  Positivo',
    'SOROLOGIAS                              Resultado            Referência',
    '  Anti-HIV 1/2 .....................:    Não reagente         Não reagente',
    '  HBsAg ............................:    Não reagente         Não reagente',
    '  Glicose ..........................:    91 mg/dL             70 a 99',
    '                                                                     Page 1 de 2',
    '',
    'VERSION EN FRANÇAIS - TRADUCTION DE COURTOISIE',
    'SÉROLOGIES',
    '  Anti-HCV ...............  Réactif',
    '  VIH 1/2 ................  Non réactif',
    '  Hépatite B (Ag HBs) ....  Non réactif',
    '  Glycémie ...............  91 mg/dL',
    '                                                                     Page 2 de 2',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(rows(r), [
    ['Glicose', 91, 'normal'],
    ['Fator Rh (D)', 'Positivo', 'indeterminado'],
    ['Anti-HIV 1 e 2', 'Não reagente', 'normal'],
    ['HBsAg', 'Não reagente', 'normal'],
    // A reactive word the report did not print: no copy of the blood group's "Positivo", so read.
    ['Anti-HCV', 'Réactif', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("h1755: a mail merge's error message is blanked up to its full stop and its column, not the words after it", () => {
  const text = [
    'Paciente: «NOME_PACIENTE»   Sexo: Feminino   Idade: 44 anos',
    'Ferritina .............:  22,0 ng/mL               15 a 150 ng/mL',
    'Vitamina B12 ..........:  402 pg/mL                Erro! O campo de mesclagem VR_B12 não foi   Anti-HCV   Reagente',
    '                                                   encontrado no registro de cabeçalho da fonte   HBsAg   Não reagente',
    '                                                   de dados.   VDRL   Reagente',
    'TSH ...................:  1,85 µUI/mL              0,45 a 4,50 µUI/mL',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(rows(r), [
    ['Ferritina', 22, 'normal'],
    ['Vitamina B12', 402, 'normal'],
    ['TSH', 1.85, 'normal'],
    ['HBsAg', 'Não reagente', 'indeterminado'],
    ['VDRL', 'Reagente', 'indeterminado'],
  ]);
  // The second result on the row's line is listed for a person to read.
  assert.deepEqual(r.unparsed_lines, ['Vitamina B12 ..........:  402 pg/mL                Erro! O campo de mesclagem VR_B12 não foi   Anti-HCV   Reagente']);
});

test("h1760: an antibiogram's legend of its letters ('S = sensível · I = … · R = resistente') is no result", () => {
  const text = [
    'UROCULTURA COM ANTIBIOGRAMA',
    '  Urocultura                   Positiva                Valor de referência: Negativa',
    '  Microrganismo isolado        Klebsiella pneumoniae',
    '',
    '  ANTIBIOGRAMA                 Interpretação',
    '  Ceftriaxona                  Sensível',
    '  Gentamicina                  Sensível',
    '  Sulfametoxazol/trimetoprima  Resistente',
    '  S = sensível · I = sensível aumentando exposição · R = resistente',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(rows(r), [
    ['Urocultura', 'Positiva', 'alterado'],
    ['Microrganismo isolado', 'Klebsiella pneumoniae', 'indeterminado'],
    ['Ceftriaxona', 'Sensível', 'indeterminado'],
    ['Gentamicina', 'Sensível', 'indeterminado'],
    ['Sulfametoxazol/trimetoprima', 'Resistente', 'indeterminado'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
