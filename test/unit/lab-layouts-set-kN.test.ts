// The general causes behind the misses of held-out set 172 (h1694, h1699, h1700, h1702), one focused case each:
// the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

test("a screening table's disease column before a 'Marcador / Método' column is no part of the name; word rows and a spaced unit are read", () => {
  const text = [
    '==========================================================================================',
    'CONDIÇÃO TRIADA               MARCADOR / MÉTODO                 RESULTADO       VALOR DE CORTE',
    '==========================================================================================',
    'Hipotireoidismo congênito     TSH neonatal                      2,4 µUI/mL      inferior a 9,0',
    '                              (Fluoroimunoensaio)',
    'Deficiência de biotinidase    Atividade de biotinidase          Presente        Presente',
    '                              (Colorimétrico qualitativo)',
    'Hemoglobinopatias             Perfil hemoglobínico              FA              FA',
    '                              (HPLC)',
    'Deficiência de G6PD           Atividade de G6PD                 9,7 U/g Hb      igual ou superior a 6,0',
    '                              (Quantitativo fluorimétrico)',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '2025-05-20', today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['TSH neonatal', 2.4, 'normal'],
    ['Atividade de G6PD', 9.7, 'normal'],
    ['Atividade de biotinidase', 'Presente', 'normal'],
    ['Perfil hemoglobínico', 'FA', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a row of a disease column, a name, a word result and the same word as its reference is never silent', () => {
  const text = ['Doenças triadas', 'Hemoglobinopatias             Perfil hemoglobínico              FA              FA', 'Liberado por: Dra. Ana Souza'].join(
    '\n',
  );
  const r = parseLabReport(text, { sex: 'F', today: '2025-06-01' });
  const read = brief(r).some(([, v]) => v === 'FA');
  assert.ok(read || r.unparsed_lines.some((l) => l.startsWith('Hemoglobinopatias')));
});

test("an occupational report's company and worker fields are no results; a bar table's exposure-limit column is the upper bound", () => {
  const text = [
    '  EMPRESA.........: METALÚRGICA VALE DO IVAÍ LTDA',
    '  TRABALHADOR.....: JOÃO PEDRO MARTINS',
    '',
    '+-----------------------------+---------------+-------------------+--------------------+',
    '| Parâmetro                   | Resultado     | Unidade           | Referência         |',
    '+-----------------------------+---------------+-------------------+--------------------+',
    '| Ureia                       | 31            | mg/dL             | 15 a 45            |',
    '+-----------------------------+---------------+-------------------+--------------------+',
    '',
    '+--------------------------------------------------------------------------------------+',
    '| MONITORAMENTO BIOLÓGICO - NR-7, ANEXO I, QUADRO 2                                     |',
    '+-----------------------------+---------------+-------------------+--------------------+',
    '| Indicador (agente)          | Resultado     | Unidade           | IBE/EE (limite)    |',
    '+-----------------------------+---------------+-------------------+--------------------+',
    '| Ácido hipúrico urinário     | 1,1           | g/g creatinina    | 1,5                |',
    '|   (tolueno)                 |               |                   |                    |',
    '| Ácido mandélico urinário    | 0,9           | g/g creatinina    | 0,8                |',
    '|   (estireno)                |               |                   |                    |',
    '| Creatinina urinária         | 1,40          | g/L               | 0,3 a 3,0          |',
    '+-----------------------------+---------------+-------------------+--------------------+',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Ureia', 31, 'normal'],
    ['Ácido hipúrico urinário (tolueno)', 1.1, 'normal'],
    ['Ácido mandélico urinário (estireno)', 0.9, 'alto'],
    ['Creatinina urinária', 1.4, 'normal'],
  ]);
});

test("a reference labelled for pregnant women flags the result; an exam 'not done' is no result", () => {
  const text = [
    'PACIENTE: MARIA DAS DORES LIMA         SEXO: FEMININO        GESTANTE: SIM - 11 SEMANAS',
    '',
    'IMUNO-HEMATOLOGIA',
    'Fator Rh (D) ........................................ Negativo',
    'Pesquisa de D fraco ................................. Não realizada (Rh negativo)',
    '',
    'GLICEMIA DE JEJUM                                                   Material: plasma',
    'Resultado: 97 mg/dL',
    'Referência para gestantes: inferior a 92 mg/dL',
    '  (92 a 125 mg/dL no 1º trimestre: diabetes mellitus gestacional)',
    'Método: hexoquinase',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'F', today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Glicose', 97, 'alto'],
    ['Fator Rh (D)', 'Negativo', 'indeterminado'],
  ]);
});

test("a letter's sentence saying a test's result is no result of its own", () => {
  const text = [
    '   Exame                                   Resultado            Resultado esperado',
    '   -------------------------------------   ------------------   ------------------',
    '   Anti-HCV                                Reagente             Não reagente',
    '   HBsAg                                   Não reagente         Não reagente',
    '',
    'O QUE ISSO SIGNIFICA',
    'O teste anti-HCV foi REAGENTE, com HBsAg não reagente e RNA do HCV não detectável. Esse',
    'resultado precisa ser confirmado em nova amostra.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Anti-HCV', 'Reagente', 'alterado'],
    ['HBsAg', 'Não reagente', 'normal'],
  ]);
});
