// Probes for the layouts taught from set 133 (fix gT): rewritten texts, same layouts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

const byName = (r: ReturnType<typeof parseLabReport>, name: string) => r.analytes.find((a) => a.name === name);

test('a later table whose previous-result column is further right than the first table keeps its own column', () => {
  const text = [
    'Nome: MARIA DA SILVA                                   Sexo: Feminino',
    '',
    'HEMOGRAMA',
    '                                                                              Resultado anterior',
    'SERIE VERMELHA                Resultado           Valores de referência      05/02/2026',
    '   Hemoglobina                13,1  g/dL          12,0 a 15,5                 12,8',
    '',
    'BIOQUÍMICA                                                                         Resultado anterior',
    'Exame                      Resultado                 Valores de referência            05/02/2026',
    'UREIA                       31 mg/dL               15 a 40 mg/dL                       29 mg/dL',
    'POTÁSSIO                   4,4 mEq/L               3,5 a 5,1 mEq/L                     4,1 mEq/L',
    '',
    'PERFIL LIPÍDICO                                  Jejum informado: 10 horas',
    'Exame                      Resultado                 Valores de referência            05/02/2026',
    'Colesterol total            201 mg/dL              Desejável: < 190 mg/dL               188 mg/dL',
    'Triglicérides               161 mg/dL              Desejável: < 150 mg/dL (jejum)       139 mg/dL',
    '                                                   Desejável: < 175 mg/dL (sem jejum)',
    '',
  ].join('\n');
  const r = parseLabReport(text);
  assert.equal(byName(r, 'Ureia')?.value, 31);
  assert.equal(byName(r, 'Ureia')?.flag, 'normal');
  assert.equal(byName(r, 'Potássio')?.value, 4.4);
  assert.equal(byName(r, 'Colesterol total')?.value, 201);
  assert.equal(byName(r, 'Colesterol total')?.flag, 'alto');
  // Fasting 10 h: the "(jejum)" range is the patient's, not the "(sem jejum)" one.
  assert.equal(byName(r, 'Triglicerídeos')?.value, 161);
  assert.equal(byName(r, 'Triglicerídeos')?.reference_high, 150);
  assert.equal(byName(r, 'Triglicerídeos')?.flag, 'alto');
  assert.deepEqual(
    r.unparsed_lines.filter((l) => /\d/.test(l)),
    [],
  );
});

test('a goals note naming each analyte after its category, wrapped mid-item, places a value between goals nowhere', () => {
  const text = [
    'PACIENTE : JOSE PEREIRA                              SEXO : MASCULINO',
    'EXAME                          RESULTADO   UNIDADE     VALORES DE REFERENCIA',
    '  COLESTEROL TOTAL               171       mg/dL       DESEJAVEL: < 190',
    '  LDL COLESTEROL (FRIEDEWALD)    92        mg/dL       VIDE META *',
    '  COLESTEROL NAO-HDL             141       mg/dL       VIDE META *',
    '----------------------------------------------------------------------------',
    '* META CONFORME RISCO CARDIOVASCULAR: BAIXO LDL < 130 / NAO-HDL < 160 ; INTERMEDIARIO LDL < 100 /',
    '  NAO-HDL < 130 ; ALTO LDL < 70 / NAO-HDL < 100 ; MUITO ALTO LDL < 50 / NAO-HDL < 80.',
    '',
  ].join('\n');
  const r = parseLabReport(text);
  assert.equal(byName(r, 'LDL-colesterol')?.value, 92);
  assert.equal(byName(r, 'LDL-colesterol')?.flag, 'indeterminado');
  assert.equal(byName(r, 'Colesterol não-HDL')?.value, 141);
  assert.equal(byName(r, 'Colesterol não-HDL')?.flag, 'indeterminado');
  assert.equal(byName(r, 'Colesterol total')?.flag, 'normal');
  assert.deepEqual(r.unparsed_lines, []);
});

test("a transcriber's note pointing to a sheet is no result", () => {
  const text = [
    '### Folha 1',
    '- **Sódio:** 141 mEq/L (ref.: 136 – 145)',
    '- **TGO (AST):** 51 U/L (ref.: até 40)',
    '',
    '⚠️ Observações:',
    '- Na folha 1, o TGO tem um asterisco ao lado no papel, indicando valor acima da referência.',
    '',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.value]),
    [
      ['Sódio', 141],
      ['TGO (AST)', 51],
    ],
  );
});

test("a stool exam's title line with its methods wrapped onto the next line names the finding", () => {
  const text = [
    'PARASITOLÓGICO DE FEZES - 1 amostra - Métodos: Hoffman, Pons & Janer (sedimentação espontânea)',
    'e Willis (flutuação em solução saturada)',
    '  RESULTADO: Foram encontrados cistos de Giardia lamblia.',
    '  VALOR DE REFERÊNCIA: Negativo',
    '',
  ].join('\n');
  const r = parseLabReport(text);
  const q = r.qualitative ?? [];
  assert.equal(q.length, 1);
  assert.match(q[0]!.name, /^parasitol[oó]gico de fezes(?: - 1 amostra)?$/i);
  assert.match(String(q[0]!.value), /cistos de Giardia lamblia/);
  assert.equal(q[0]!.flag, 'alterado');
  assert.deepEqual(r.unparsed_lines, []);
});
