// The general causes behind the misses of held-out set 188, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowNamed as row } from '../support/lab-rows.ts';

test("a visit's results table aligned by spaces, a date column before the result: each row is read or listed", () => {
  const text = [
    'RESULTADOS DE EXAMES',
    'Exame                               Realizado em   Resultado',
    '------------------------------------------------------------------',
    'TSH                                 11/03/2025     3,2 mUI/L',
    'Relação albumina/creatinina         11/03/2025     41',
    'Hemograma completo                  11/03/2025     Hb 12,9 g/dL; Ht 38,7 %;',
    '                                                   plaquetas 231.000',
    'Parasitológico de fezes             11/03/2025     sem alterações',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1970-02-02' });
  assert.equal(row(r, 'TSH')?.value, 3.2);
  assert.equal(row(r, 'Relação albumina/creatinina')?.value, 41);
  // The panel's title is no part of its first result's name, read against the catalogue's range.
  assert.equal(row(r, 'Hemoglobina')?.value, 12.9);
  assert.equal(row(r, 'Hemoglobina')?.flag, 'normal');
  assert.equal(row(r, 'Hematócrito')?.value, 38.7);
  // A finding in words with the day before it is never dropped in silence.
  assert.ok(r.unparsed_lines.some((l) => l.includes('Parasitológico de fezes')) || row(r, 'Parasitológico de fezes') !== undefined);
});

test("a blood-gas receipt's ASCII marks flag the value, its serial number and barometric pressure are no results", () => {
  const text = [
    ' GEM Premier 5000     SN: 0094412',
    ' Condicoes do paciente',
    ' Temp. pac.        36.5      C',
    ' Pressao barom.    745       mmHg',
    ' Valores medidos (37.0 C)',
    ' pH          7.49    ^      7.35 - 7.45',
    ' pCO2        31      v     35 - 45 mmHg',
    ' Na+         139          136 - 145 mmol/L',
    ' v = abaixo da faixa   ^ = acima da faixa',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '1960-01-01' });
  assert.equal(row(r, 'pH')?.flag, 'alto');
  assert.equal(row(r, 'pCO2')?.flag, 'baixo');
  assert.equal(
    r.analytes.find((a) => a.value === 94412 || a.value === 745),
    undefined,
  );
  // The model's number may still list its line; the pressure is the room's, never listed.
  assert.ok(!r.unparsed_lines.some((l) => /barom/.test(l)));
});

test('a species named after its label is a result in words; a remark opening a bracket it never closes is none', () => {
  const text = [
    'Exame                                   Resultado           Valor de Referência',
    'Pesquisa de Plasmodium                  POSITIVO            NEGATIVO',
    'Espécie identificada                    Plasmodium falciparum',
    'Anti-HCV                                REAGENTE            NÃO REAGENTE',
    'Observações:',
    '1. Sorologia sugestiva de infecção pelo vírus da hepatite C',
    '   (anti-HCV reagente, confirmar com HCV-RNA). Encaminhar ao ambulatório.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1980-01-01' });
  assert.equal(row(r, 'Espécie identificada')?.value, 'Plasmodium falciparum');
  assert.equal(
    r.qualitative.find((a) => a.name.startsWith('(')),
    undefined,
  );
});

test("the lab's interpretation naming another result is no range of the result above it", () => {
  const text = [
    '- **Hb A2:** 2,8 % (VR: 2,0 a 3,5)',
    '- **Hb F:** 14,2 % (VR: inferior a 2,0)',
    '- **Hb S:** 79,4 % (VR: 0,0)',
    '- *Interpretação do laboratório:* perfil de anemia falciforme em uso de hidroxiureia. Hb F abaixo do alvo (acima de 25%).',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', birthDate: '2014-03-01' });
  assert.equal(row(r, 'Hb S')?.flag, 'alto');
});
