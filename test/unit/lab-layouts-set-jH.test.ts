// The general causes behind the misses of held-out set 158 (fixer jH), one focused case each: the parser
// on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, reportPatient } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('a raw HL7 v2 message: each OBX is read as the row it stands for, notes and pending results as printed', () => {
  const text = [
    'INTEGRAÇÃO LIS - visualizador de mensagens',
    'MSH|^~\\&|LABSYS|HOSP|PEP|HOSP|20250310081500||ORU^R01|M7781|P|2.5',
    'PID|1||PR55120^^^HOSP^MR||SOUZA^MARIA^LUZ||19700415|F|||RUA DAS FLORES 88^^CAMPINAS^SP^13010100',
    'PV1|1|I|3NORTE^301^A^HOSP||||11223^SILVA^JOAO|||CLM',
    'OBR|1|P991|L2025031000077|HEM^HEMOGRAMA^L|||20250310060000',
    'OBX|1|NM|HGB^Hemoglobina^L||10.4|g/dL|12.0-16.0|L|||F|||20250310070211',
    'OBX|2|NM|PLT^Plaquetas^L||512|10*3/uL|150-450|H|||F|||20250310070211',
    'OBR|2|P991|L2025031000078|BQ^BIOQUIMICA^L|||20250310060000',
    'OBX|1|NM|K^Potássio^L||4.2|mmol/L|3.5-5.1|N|||F|||20250310071502',
    'NTE|1|L|Ureia em 08/03/2025: 61 mg/dL.',
    'OBX|2|NM|CRP^Proteína C reativa^L||12.6|mg/L|<5.0|H|||F|||20250310071502',
    'OBX|3|ST|URC^Urocultura^L||Em processamento||||||I',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 10.4, 'g/dL', 'baixo'],
    ['Plaquetas', 512, 'mil/mm³', 'alto'],
    ['Potássio', 4.2, 'mmol/L', 'normal'],
    ['Proteína C reativa (PCR)', 12.6, 'mg/L', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, ['NTE|1|L|Ureia em 08/03/2025: 61 mg/dL.', 'OBX|3|ST|URC^Urocultura^L||Em processamento||||||I']);
  assert.equal(reportPatient(text).sex, 'F');
});

test('word results printed as codes a legend explains are read as the codes, flagged by what they mean', () => {
  const text = [
    'TRIAGEM SOROLÓGICA DA GESTANTE',
    'Legenda: NR = Não reagente | R = Reagente | ND = Não detectado',
    '         NE = Não executado | NEG = Negativo',
    '',
    'EXAME                                  RESULTADO    REFERÊNCIA   MÉTODO',
    'Sífilis (VDRL)                         NR           NR           floculação',
    'Rubéola IgG                            R            NR           CMIA',
    'Hepatite B - HBsAg                     NR           NR           CMIA',
    'Dengue IgM                             NE           NR           ELISA',
    'Teste de antiglobulina indireto (Coombs) NEG        NEG',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.qualitative.map((q) => [q.value, q.flag]),
    [
      ['NR', 'normal'],
      ['R', 'alterado'],
      ['NR', 'normal'],
      ['NEG', 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, ['Dengue IgM                             NE           NR           ELISA']);
});

test("a finding in words over a dash for no reference, and a dash in a word row's unit column, are read", () => {
  const text = [
    'LÍQUIDO PLEURAL                  RESULTADO                     UNIDADE   REFERÊNCIA',
    '   Pesquisa de BAAR (Ziehl)      Não foram encontrados bacilos álcool-ácido resistentes   ---',
    '   Perfil de hemoglobinas        FA                            ---       FA',
    '   Cultura aeróbia               ver resultado microbiológico em anexo',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['Pesquisa de BAAR (Ziehl)', 'Não foram encontrados bacilos álcool-ácido resistentes', null, 'indeterminado'],
    ['Perfil de hemoglobinas', 'FA', null, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a menopausal status stated in the header picks the post-menopause range', () => {
  const text = [
    'Paciente: MARIA DAS DORES   Sexo: Feminino   Idade: 58 anos',
    'Questionário: Jejum: 8 h | Status menopausal: pós-menopausa',
    'HE4          105 pmol/L     Pré-menopausa: < 70',
    '                            Pós-menopausa: < 140',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [['HE4', 105, 'pmol/L', 'normal']]);
});
