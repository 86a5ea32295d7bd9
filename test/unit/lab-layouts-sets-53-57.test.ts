// The general causes behind the misses of held-out sets 53, 54, 55 and 57, one focused case each, on
// other analytes and values than the fixtures'. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountLines } from '../../src/labs/accounting.ts';
import { cleanLine } from '../../src/labs/lines.ts';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

const phases = (name: string, value: string, unit: string, post: string) =>
  [
    name,
    `     Resultado:  ${value} ${unit}`,
    '     Valor de referência:',
    `        Fase folicular .......... 2,0 a 9,0 ${unit}`,
    `        Fase lútea .............. 1,0 a 6,0 ${unit}`,
    `        Pós-menopausa ........... ${post} ${unit}`,
    '',
  ].join('\n');

test('a last period a year or more before the collection, even as month/year, is the menopause', () => {
  const header = (dum: string) => `Sexo: Feminino   Idade: 55 anos\nData da Coleta: 10/03/2025\nInformações clínicas: ${dum}. Ondas de calor.\n\n`;
  const body = phases('HORMÔNIO ANTI-MÜLLERIANO', '0,05', 'ng/mL', 'até 0,10') + phases('INIBINA B', '3,2', 'pg/mL', 'até 5,0');
  for (const dum of ['DUM outubro/2023', 'DUM: 10/2023', 'DUM: 15/10/2023', 'Última menstruação: out/2023']) {
    const r = parseLabReport(header(dum) + body);
    assert.deepEqual(
      brief(r),
      [
        ['HORMÔNIO ANTI-MÜLLERIANO', 0.05, 'ng/mL', 'normal'],
        ['INIBINA B', 3.2, 'pg/mL', 'normal'],
      ],
      dum,
    );
    assert.equal(r.analytes[0]!.reference_high, 0.1, dum);
    assert.deepEqual(r.unparsed_lines, [], dum);
  }
  // A recent period leaves the phase to the day of the cycle (day 5: follicular); a date that is no
  // last period (the birth date, the collection) never makes one.
  const recent = parseLabReport(header('DUM: 06/03/2025') + body);
  assert.equal(recent.analytes[0]!.flag, 'baixo');
  const none = parseLabReport('Sexo: Feminino   Nascimento: 02/2020\nData da Coleta: 10/03/2025\n\n' + body);
  assert.equal(none.analytes[0]!.flag, 'indeterminado');
});

test('rows named only by the form of the count under a block title take the title, and their ranges by form', () => {
  const r = parseLabReport(
    [
      'Paciente: JOANA SILVA   Protocolo: 2291-0044',
      'Médico: Dr. Paulo Reis - CRM-SP 55.120',
      '',
      'ERITROBLASTOS',
      'Material: Sangue total com EDTA',
      'Método: Contagem automatizada',
      'Resultado:',
      '   Relativo: 3 %',
      '   Valor absoluto: 240 /mm³',
      'Valor de referência:',
      '   Relativo: 0 a 1 %',
      '   Valor absoluto: 0 a 100 /mm³',
      '',
      'FERRO SÉRICO',
      'Resultado: 80 µg/dL',
      'Valor de referência: 50 a 170 µg/dL',
    ].join('\n'),
  );
  assert.deepEqual(brief(r), [
    ['ERITROBLASTOS - Relativo', 3, '%', 'alto'],
    ['ERITROBLASTOS - Valor absoluto', 240, '/mm³', 'alto'],
    ['Ferro sérico', 80, 'µg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a goals table by risk category gives the results the row of the category the report states', () => {
  const report = (stated: string) =>
    [
      'Paciente: MARIA DAS DORES   Sexo: F   Idade: 61 anos',
      `Solicitante: Dr. João Lima CRM-MG 40.512   ${stated}`,
      '',
      'LDL-COLESTEROL..........: 112 mg/dL      VR: ver metas abaixo',
      'NÃO-HDL COLESTEROL......: 128 mg/dL      VR: ver metas abaixo',
      '',
      '   Categoria de risco      LDL-colesterol    Não-HDL-colesterol',
      '   Baixo                   < 130 mg/dL       < 160 mg/dL',
      '   Intermediário           < 100 mg/dL       < 130 mg/dL',
      '   Alto                    < 70 mg/dL        < 100 mg/dL',
      '   Muito alto              < 50 mg/dL        < 80 mg/dL',
    ].join('\n');
  const flags = (stated: string) => parseLabReport(report(stated)).analytes.map((a) => [a.value, a.flag, a.reference_high]);
  assert.deepEqual(flags('Risco cardiovascular: intermediário'), [
    [112, 'alto', 100],
    [128, 'normal', 130],
  ]);
  assert.deepEqual(flags('Categoria de risco informada pelo médico: BAIXO.'), [
    [112, 'normal', 130],
    [128, 'normal', 160],
  ]);
  assert.deepEqual(parseLabReport(report('Risco CV: ALTO')).unparsed_lines, []);
  // No category stated (or a tier with its range, which states none): the table picks no row.
  const none = flags('Alto risco: < 70');
  const unstated = flags('');
  assert.deepEqual(none, unstated);
  assert.ok(unstated.every(([, , high]) => high !== 100 && high !== 70 && high !== 50));
});

test('a block title with a number in its name heads the value-first row under its Material/Método line', () => {
  const r = parseLabReport(
    [
      'Sexo: M   Idade: 47 anos   Pedido: 2025-0912',
      'PIRIDOXAL 5 FOSFATO (VITAMINA B6)',
      'Material: Plasma  Método: HPLC',
      '                                      4,1          µg/L        5,0 a 50,0',
      '',
      'FERRITINA',
      'Material: Soro  Método: Quimioluminescência',
      '                                      210,0        ng/mL       Homens: 30,0 a 400,0',
    ].join('\n'),
  );
  assert.deepEqual(brief(r), [
    ['PIRIDOXAL 5 FOSFATO (VITAMINA B6)', 4.1, 'µg/L', 'baixo'],
    ['Ferritina', 210, 'ng/mL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  // A line of numbers under a title with digits is no value-first row: no unit, no reference.
  const admin = parseLabReport('CÓDIGO 2291 - UNIDADE 4\nMaterial: Soro  Método: HPLC\n   2025-0912   08/06/2025\n');
  assert.deepEqual(brief(admin), []);
});

test('an abbreviated population label ("pop. geral") is a reference label', () => {
  const r = parseLabReport(
    [
      'Sexo: F   Idade: 39 anos',
      'EXAME                 RESULTADO    UNIDADE     VALOR DE REFERÊNCIA',
      'Vitamina B12          410          pg/mL       superior a 300 (pop. geral)',
      '                                               400 a 900 (grupos de risco)',
    ].join('\n'),
  );
  assert.deepEqual(brief(r), [['Vitamina B12', 410, 'pg/mL', 'normal']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a numbered kind in a title under an earlier table ("PARCIAL DE URINA TIPO 1") is no value', () => {
  const H = 'EXAME                         RESULTADO    UNIDADE     VALOR DE REFERÊNCIA            ANTERIOR (data)';
  const r = parseLabReport(
    [
      'Sexo: M   Idade: 50 anos',
      H,
      'Ácido úrico                   5,1          mg/dL       3,4 a 7,0                      4,8 (02/01/24)',
      '',
      'PARCIAL DE URINA TIPO 1   Material: urina recente   Método: tira reativa',
      H,
      'pH                            5,5                      5,0 a 7,5                      --',
      'HSV tipo 2 IgG                0,4          índice      inferior a 0,9                 --',
    ].join('\n'),
  );
  assert.deepEqual(brief(r), [
    ['Ácido úrico', 5.1, 'mg/dL', 'normal'],
    ['pH', 5.5, null, 'normal'],
    ['HSV tipo 2 IgG', 0.4, 'índice', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('tiers split by a middle dot ("baixo < 10 · médio 10 a 15 · alto > 15") are read as those split by bars', () => {
  const r = parseLabReport(
    [
      'Sexo: M',
      'Homocisteína',
      'Resultado',
      '12,5 µmol/L',
      'Valor de referência',
      'Risco cardiovascular: baixo < 10,0 · médio 10,0 a 15,0 · alto > 15,0 µmol/L',
      'Ver histórico',
    ].join('\n'),
  );
  assert.deepEqual(brief(r), [['Homocisteína', 12.5, 'µmol/L', 'alto']]);
  assert.equal(r.analytes[0]!.reference_high, 10);
  assert.deepEqual(r.unparsed_lines, []);
});

test('an antibody tier that says the patient is immune is the good one, whatever its reactivity word', () => {
  const report = (value: string) =>
    [
      'RUBÉOLA - ANTICORPOS IgG',
      `Resultado: ${value} UI/mL`,
      'Referência: Inferior a 10 UI/mL: não reagente (ausência de imunidade); Igual ou superior a 10 UI/mL: reagente (imune)',
    ].join('\n');
  const high = parseLabReport(report('45,0'));
  assert.deepEqual(
    brief(high).map((a) => [a[1], a[3]]),
    [[45, 'normal']],
  );
  assert.deepEqual(high.unparsed_lines, []);
  assert.deepEqual(
    brief(parseLabReport(report('4,2'))).map((a) => [a[1], a[3]]),
    [[4.2, 'baixo']],
  );
});

test('a name wrapped after a preposition is the whole name, not the analyte its last piece names', () => {
  const r = parseLabReport(
    [
      'PERFIL DE FERRO',
      'Material: Soro                           Método: Colorimétrico',
      '',
      '  Ferro sérico .....................: 95 µg/dL                 50 a 170 µg/dL',
      '  Capacidade total de ligação do',
      '  ferro ............................: 480 µg/dL                250 a 450 µg/dL',
      '  Dosagem de',
      '  ferritina ........................: 80 ng/mL                 15 a 150 ng/mL',
    ].join('\n'),
  );
  assert.deepEqual(
    r.analytes.map((a) => [a.name, a.key, a.value, a.flag]),
    [
      ['Ferro sérico', 'ferro', 95, 'normal'],
      ['Capacidade total de ligação do ferro', 'ctlf', 480, 'alto'],
      ['Ferritina', 'ferritina', 80, 'normal'],
    ],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('a note in brackets that explains the range after a reference lead is part of the reference', () => {
  const r = parseLabReport(
    [
      'Sexo: F  Idade: 29 anos',
      'Avidez de IgG para toxoplasmose .... 18 %',
      '   VR: superior a 60 % (índices baixos sugerem infecção adquirida recentemente)',
      'Ferritina ............ 40 ng/mL',
      '   VR: 15 a 150 ng/mL (dosagem feita em 2 etapas)',
    ].join('\n'),
  );
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag, a.reference_low]),
    [
      [18, 'baixo', 60],
      [40, 'normal', 15],
    ],
  );
  // A note with a number of its own is no explanation of the range: the line is listed for a person.
  assert.deepEqual(r.unparsed_lines, ['VR: 15 a 150 ng/mL (dosagem feita em 2 etapas)']);
});

test("a titre line with its reference cell at its right is the reactive result's value; its pattern is a finding", () => {
  const r = parseLabReport(
    [
      'ANTICORPO ANTI-MUSCULO LISO (IFI)',
      'RESULTADO.................: REAGENTE',
      'TITULO....................: 1/160            VR: NAO REAGENTE (TITULO INFERIOR A 1/40)',
      'PADRAO....................: CITOPLASMATICO FIBRILAR',
      '',
      'CALCIO....................: 9,1 MG/DL        VR: 8,6 A 10,3',
    ].join('\n'),
  );
  assert.deepEqual(brief(r), [
    ['Cálcio', 9.1, 'mg/dL', 'normal'],
    ['ANTICORPO ANTI-MUSCULO LISO (IFI)', '1/160', null, 'alterado'],
  ]);
  assert.deepEqual(r.unparsed_lines, ['PADRAO....................: CITOPLASMATICO FIBRILAR']);
});

test('pregnancy stated in the clinical data picks the pregnant range, "a partir de" is a lower bound', () => {
  const report = (clinical: string) =>
    [
      'Nome: LUCIANA PRADO   Sexo: Feminino   Idade: 27 anos   Ordem: 2207-1180',
      'Data da coleta: 02/09/2024',
      clinical,
      '',
      '  Leucócitos ........: 13.400 /mm³         Mulheres: 3.600 a 11.000 /mm³',
      '                                           Gestantes: a partir de 6.000 /mm³',
    ].join('\n');
  const flag = (clinical: string) => parseLabReport(report(clinical)).analytes.map((a) => [a.value, a.flag, a.reference_low, a.reference_high]);
  assert.deepEqual(flag('Dados clínicos: GESTANTE - 24 SEMANAS (DUM 18/03/2024)'), [[13400, 'normal', 6000, null]]);
  assert.deepEqual(flag('Informação clínica: gestante de 12 semanas'), [[13400, 'normal', 6000, null]]);
  assert.deepEqual(parseLabReport(report('Dados clínicos: GESTANTE - 24 SEMANAS')).unparsed_lines, []);
  // A denial, or no statement: the woman's range.
  assert.deepEqual(flag('Dados clínicos: não gestante, rotina'), [[13400, 'alto', 3600, 11000]]);
  assert.deepEqual(flag(''), [[13400, 'alto', 3600, 11000]]);
});

test('a wrapped name cell with the reference beside its first line and the value beside its second', () => {
  const r = parseLabReport(
    [
      'EXAMES                          RESULTADOS         VALORES DE REFERÊNCIA',
      'DESIDROGENASE LÁTICA',
      'Soro - Cinético UV',
      'Desidrogenase                                              135 a 214 U/L',
      'lática                          260 U/L',
      '',
      'Ureia                           31 mg/dL            15 a 45 mg/dL',
    ].join('\n'),
  );
  assert.deepEqual(brief(r), [
    ['Desidrogenase lática', 260, 'U/L', 'alto'],
    ['Ureia', 31, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('accounting: a card value under "Resultado" is never taken for a neighbour\'s bound; a plan\'s number is administrative', () => {
  const lines = [
    'Sódio',
    'Resultado',
    '141 mmol/L',
    'Valor de referência',
    '136 a 145 mmol/L',
    'Cloro',
    'Resultado',
    '103 mmol/L',
    'Valor de referência',
    '98 a 141 mmol/L',
  ];
  const text = lines.join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.line]),
    [
      [141, 2],
      [103, 7],
    ],
  );
  const seen = lines.map((raw, index) => ({ index, raw, text: cleanLine(raw, index).text }));
  // Were the reader to lose the sodium, its line is listed though the chloride's range prints 141 too.
  assert.ok(accountLines(seen, [r.analytes[1]!], []).includes('141 mmol/L'));
  const plan = parseLabReport('Convênio...: UNIMED 500            Coleta....: 11/06/2024 07:42\nGlicose ....: 90 mg/dL   70 a 99');
  assert.deepEqual(brief(plan), [['Glicose', 90, 'mg/dL', 'normal']]);
  assert.deepEqual(plan.unparsed_lines, []);
});

test("never silent: a number past a titre's reference cell, or past a title's Material/Método cells under a previous-result column", () => {
  const titre = parseLabReport(
    [
      'ANTI-ENDOMÍSIO IgA',
      'RESULTADO.................: REAGENTE',
      'TITULO....................: 1/80             VR: NAO REAGENTE (TITULO INFERIOR A 1/5)   12,5',
    ].join('\n'),
  );
  assert.deepEqual(titre.unparsed_lines, ['TITULO....................: 1/80             VR: NAO REAGENTE (TITULO INFERIOR A 1/5)   12,5']);
  const H = 'EXAME                         RESULTADO    UNIDADE     VALOR DE REFERÊNCIA            ANTERIOR (data)';
  const title = parseLabReport(
    [
      H,
      'Ureia                         31           mg/dL       15 a 45                        29 (01/02/24)',
      '',
      'LÍQUIDO SINOVIAL   Material: líquido sinovial   Método: microscopia óptica                 7,5',
    ].join('\n'),
  );
  assert.deepEqual(brief(title), [['Ureia', 31, 'mg/dL', 'normal']]);
  assert.deepEqual(title.unparsed_lines, ['LÍQUIDO SINOVIAL   Material: líquido sinovial   Método: microscopia óptica                 7,5']);
});
