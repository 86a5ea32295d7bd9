// The general causes behind the misses of held-out set 137 (h1343, h1345, h1346, h1348, h1350, h1351, h1352),
// one focused case each: the parser on the few lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test("a LIS's earlier-result column headed by its bracketed abbreviation '(ant.)' holds a value and its date, no part of the row", () => {
  const r = parseLabReport(
    [
      'HOSPITAL REGIONAL DO LITORAL - LABORATORIO',
      'Paciente : OTAVIO RAMOS BRANDAO          Sexo     : Masculino        Nasc.: 03/11/1958 (66a)',
      'Flag: A = acima do intervalo de referência   B = abaixo do intervalo   (ant.) = resultado anterior',
      '',
      '>>> AMOSTRA 3105250011   Material: SANGUE TOTAL (EDTA)   Coleta: 31/05/2025 06:10',
      '',
      'Exame                        Resultado  Flag  Unidade      Intervalo de ref.    (ant.)',
      'Hemoglobina                       11,7    B   g/dL         13,5 - 17,5          12,2 30/05',
      'VCM                               90,2        fL           80,0 - 100,0',
      'Leucócitos                      11.960    A   /µL          4.000 - 10.000       13.300 30/05',
      '',
      '>>> AMOSTRA 3105250012   Material: SORO   Coleta: 31/05/2025 06:10',
      '',
      'Exame                        Resultado  Flag  Unidade      Intervalo de ref.    (ant.)',
      'Creatinina                       1,52    A   mg/dL        0,70 - 1,30          1,71 30/05',
      'Potássio                          3,2    B   mmol/L       3,5 - 5,1            3,0 30/05',
      'Procalcitonina                   0,84    A   ng/mL        < 0,50',
      '   Procalcitonina - interpretação (sepse): < 0,50 baixo risco | 0,50 a 2,00 risco moderado |',
    ].join('\n'),
  );
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 11.7, 'g/dL', 'baixo'],
    ['VCM', 90.2, 'fL', 'normal'],
    ['Leucócitos', 11960, '/mm³', 'alto'],
    ['Creatinina', 1.52, 'mg/dL', 'alto'],
    ['Potássio', 3.2, 'mmol/L', 'baixo'],
    ['Procalcitonina', 0.84, 'ng/mL', 'alto'],
  ]);
});

test('a coagulation block prints its named ranges under its title, before the patient and control rows: each range goes to the row it names', () => {
  const r = parseLabReport(
    [
      'HOSPITAL MUNICIPAL DE TESTE',
      'Paciente ....: Rogerio Alves Pinto',
      'Sexo ........: Masculino            Idade: 52 anos',
      '',
      'TEMPO DE PROTROMBINA (TP / AP)',
      'Material: plasma citratado 3,2%     Método: coagulométrico - STA R Max',
      'Tromboplastina: Tromborel S - ISI 1,05 - lote 330912',
      'Valores de referência:',
      '   Tempo .........: 10,5 a 13,8 segundos',
      '   Atividade .....: 70 a 110 %',
      '   RNI ...........: 0,85 a 1,15 (paciente sem anticoagulante oral)',
      '                    2,00 a 3,00 (faixa terapêutica em uso de varfarina)',
      '',
      '   Tempo do paciente ...............: 14,6 segundos',
      '   Tempo do controle (pool normal) .: 12,4 segundos',
      '   Atividade de protrombina ........: 66 %',
      '   RNI (INR) .......................: 1,21',
      '',
      'TEMPO DE TROMBOPLASTINA PARCIAL ATIVADA (TTPa)',
      'Material: plasma citratado 3,2%     Método: coagulométrico - cefalina + ativador',
      'VR: Tempo: 24,0 a 34,0 segundos  |  Relação paciente/controle: até 1,20',
      '',
      '   Tempo do paciente ...............: 36,9 segundos',
      '   Tempo do controle ...............: 30,1 segundos',
      '   Relação paciente/controle (R) ...: 1,23',
      '',
      'TEMPO DE TROMBINA',
      'VR: 15,0 a 20,0 segundos',
      '   Tempo do paciente ...............: 16,8 segundos',
      '   Tempo do controle ...............: 17,0 segundos',
    ].join('\n'),
  );
  assert.deepEqual(brief(r), [
    ['TEMPO DE PROTROMBINA (TP / AP)', 14.6, 's', 'alto'],
    ['Atividade de protrombina', 66, '%', 'baixo'],
    ['RNI (INR)', 1.21, null, 'alto'],
    ['TEMPO DE TROMBOPLASTINA PARCIAL ATIVADA (TTPa)', 36.9, 's', 'alto'],
    ['Relação paciente/controle (R)', 1.23, null, 'alto'],
    ['TEMPO DE TROMBINA', 16.8, 's', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a paediatric table's age bands end at the age they stop short of ('1 a <4 anos'), the patient's band column marked between asterisks", () => {
  const r = parseLabReport(
    [
      'HOSPITAL INFANTIL DE TESTE',
      'Paciente: PEDRO HENRIQUE ALVES',
      'Sexo: Masculino     Nascimento: 10/01/2021     Idade: 4 anos e 4 meses',
      '',
      'HEMOGRAMA COMPLETO',
      'Referências por faixa etária - a faixa do paciente está marcada com * *',
      '                     Resultado   Unidade        1 a <2 anos         *2 a <6 anos*        6 a <12 anos',
      'Hemoglobina          11,0        g/dL           10,5 - 13,5         11,5 - 13,5          11,5 - 15,5',
      '  Eosinófilos        640         /mm³           0 - 700             0 - 500              0 - 500',
      '',
      'BIOQUÍMICA                                        Material: soro',
      'Exame                 Resultado   Unidade   Referência por idade',
      'Ureia                 25          mg/dL     1 a <4 anos: 11 a 36 | 4 a <14 anos: 15 a 36',
      'Creatinina            0,22        mg/dL     1 a <3 anos: 0,15 a 0,37 | 3 a <5 anos: 0,26 a 0,42 |',
      '                                            5 a <7 anos: 0,29 a 0,48',
      'TGO (AST)             55          U/L       1 a <4 anos: 20 a 60 | 4 a <7 anos: 10 a 50',
    ].join('\n'),
  );
  assert.deepEqual(brief(r), [
    ['Hemoglobina', 11, 'g/dL', 'baixo'],
    ['Eosinófilos', 640, '/mm³', 'alto'],
    ['Ureia', 25, 'mg/dL', 'normal'],
    ['Creatinina', 0.22, 'mg/dL', 'baixo'],
    ['TGO (AST)', 55, 'U/L', 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("the day-of-cycle field naming its phase after the day ('3º dia - FASE FOLICULAR') picks that phase's range", () => {
  const r = parseLabReport(
    [
      'LABORATORIO DE HORMONIOS DE TESTE',
      'Nome: Juliana Prates Moura',
      'Sexo: Feminino     Data de nascimento: 02/05/1992     Idade: 33 anos',
      'Data da coleta: 20/05/2025 08:10',
      'Dia do ciclo na coleta: 4º dia - FASE FOLICULAR',
      '',
      'PROGESTERONA',
      'Valores de referência:',
      '   Fase folicular ...........  0,2 a 1,5 ng/mL',
      '   Fase lútea ...............  1,7 a 27,0 ng/mL',
      '   Pós-menopausa ............  0,1 a 0,8 ng/mL',
      '',
      'Resultado: 0,6 ng/mL',
    ].join('\n'),
  );
  assert.deepEqual(brief(r), [['PROGESTERONA', 0.6, 'ng/mL', 'normal']]);
});

test("a range under a block's title never carries another cell or a ';' piece to the row it moves to", () => {
  for (const tail of ['   Reagente', ' ; HBsAg: Reagente']) {
    const vr = `VR: 180 a 350 mg/dL${tail}`;
    const r = parseLabReport(['FIBRINOGÊNIO (método de Clauss)', vr, '   Resultado .......................: 290 mg/dL'].join('\n'));
    const read = r.qualitative.some((a) => /reagente/i.test(String(a.value)));
    assert.ok(read || r.unparsed_lines.includes(vr), `${tail}: ${JSON.stringify(r.unparsed_lines)}`);
  }
});
