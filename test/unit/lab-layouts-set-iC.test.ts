// Probes for held-out sets 145 and 146 (helper iC), rewritten with other names, values and labs: each
// failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

const parse = (lines: string[]) => parseLabReport(lines.join('\n'), { today: '2025-09-01' });
const get = (r: ReturnType<typeof parseLabReport>, name: RegExp) => r.analytes.find((a) => name.test(a.name));

test("a check-up table's last column names the lab section ('Setor'): its word is cut off the row, a row whose reference is a dash or 'ver nota' is read", () => {
  const r = parse([
    'Paciente: RITA SOUZA LEAL                  Sexo: Feminino',
    'Nascimento: 11/02/1975  (50 anos)',
    '',
    'Exame                              Resultado          Referência                    Setor',
    '---------------------------------------------------------------------------------------------',
    'Ferro sérico                       41 µg/dL           50 a 170 µg/dL                Bioquímica',
    'Colesterol não-HDL                 172 mg/dL          ver nota 2                    Bioquímica',
    'Colesterol VLDL (calculado)        31 mg/dL           —                             Bioquímica',
    '',
    'Exame                              Resultado          Referência                    Setor',
    '---------------------------------------------------------------------------------------------',
    'Colesterol HDL                     57 mg/dL           > 40 mg/dL (desejável)        Bioquímica',
  ]);
  assert.equal(get(r, /ferro/i)?.flag, 'baixo', JSON.stringify(r.analytes));
  assert.equal(get(r, /n[aã]o-hdl/i)?.value, 172);
  assert.equal(get(r, /vldl/i)?.value, 31);
  assert.equal(get(r, /^hdl|colesterol hdl/i)?.reference_text, '> 40 mg/dL (desejável)');
  assert.deepEqual(r.unparsed_lines, []);
});

test("a block's small table of ranges by sex or age under its labelled result ('Valores de referência:   Sexo   mg/dL'): the patient's row is the range", () => {
  const r = parse([
    'Nome: JOANA PRADO       Idade: 71 anos     Sexo: Feminino',
    '',
    'UREIA                                  Material: Soro',
    '  Resultado: 52 mg/dL',
    '  Valores de referência:   Sexo          mg/dL',
    '                           Feminino      15 a 40',
    '                           Masculino     19 a 49',
    '',
    'T4 LIVRE                               Material: Soro',
    '  Resultado: 1,62 ng/dL',
    '  Valores de referência:   Faixa etária          ng/dL',
    '                           20 a 69 anos          0,90 a 1,50',
    '                           70 anos ou mais       0,85 a 1,75',
  ]);
  assert.equal(get(r, /ureia/i)?.flag, 'alto', JSON.stringify(r.analytes));
  assert.equal(get(r, /t4/i)?.flag, 'normal', JSON.stringify(r.analytes));
  assert.deepEqual(r.unparsed_lines, []);
});

test("a range-table row whose label wrapped, the range one space after it, and risk groups listed without the words ('65 anos ou mais, gestantes, lactantes, …')", () => {
  const r = parse([
    'Nome: PAULO LIMA       Idade: 68 anos     Sexo: Masculino',
    '',
    '25-OH VITAMINA D                       Material: Soro',
    '  Resultado: 25,0 ng/mL',
    '  Valores de referência:   População                              ng/mL',
    '                           Geral saudável (até 64 anos)           acima de 20',
    '                           65 anos ou mais, gestantes, lactantes,',
    '                           osteoporose e doenças osteometabólicas 30 a 60',
  ]);
  assert.equal(get(r, /vitamina d/i)?.flag, 'baixo', JSON.stringify(r.analytes));
  assert.deepEqual(r.unparsed_lines, []);
});

test("age-band columns on the header's second line with a sex in brackets ('Adulto (F)'), a count '/µL x10⁶', and a name wrapped above whose lower-case rest is a catalogue word ('densidade (HDL-colesterol)')", () => {
  const r = parse([
    'Data de nascimento: 03/05/2018   Idade: 7 anos           Sexo: Masculino',
    '',
    '                                       RESULTADO       REFERÊNCIAS POR IDADE',
    '                                                       1 a 5 anos      6 a 12 anos     Adulto (M)',
    'Hemácias                               4,31 /µL x10⁶   3,90 a 5,30     4,00 a 5,20     4,30 a 5,70',
    'Concentração de hemoglobina',
    '  corpuscular média (CHCM)             30,6 g/dL       30,0 a 36,0     31,0 a 37,0     31,0 a 36,0',
    'Índice de anisocitose',
    '  eritrocitária (RDW)                  12,9 %          11,5 a 15,0     11,5 a 15,0     11,5 a 14,5',
    '',
    'LIPIDOGRAMA',
    '                                       RESULTADO     REFERÊNCIA',
    'Colesterol de alta',
    '  densidade (HDL-colesterol)           39 mg/dL      Desejável > 45',
  ]);
  const rbc = get(r, /hem[aá]cias/i);
  assert.equal(rbc?.value, 4.31, JSON.stringify(r.analytes));
  assert.equal(rbc?.unit, 'milhões/mm³');
  assert.equal(rbc?.reference_low, 4);
  assert.equal(get(r, /chcm/i)?.flag, 'baixo', JSON.stringify(r.analytes));
  const hdl = get(r, /hdl/i);
  assert.equal(hdl?.value, 39, JSON.stringify(r.analytes));
  assert.equal(hdl?.flag, 'baixo');
  assert.ok(!r.analytes.some((a) => /densidade/i.test(a.name) && a.value === 39));
  assert.deepEqual(r.unparsed_lines, []);
});

test("a reference in square brackets wrapped over three lines, a pointer '[por idade - ver abaixo]' and the note's ranges broken after a bar", () => {
  const r = parse([
    'Idade......: 64 anos                    Sexo......: MASCULINO',
    '',
    'PSA - ANTÍGENO PROSTÁTICO ESPECÍFICO (soro)',
    '  PSA total ............................... 4,20 ng/mL         [por idade - ver abaixo]',
    '  Relação PSA livre / PSA total ........... 31 %               [superior a 25 %]',
    '     PSA total por faixa etária: 40-49 anos até 2,5 | 50-59 anos até 3,5 |',
    '     60-69 anos até 4,5 | 70-79 anos até 6,5 ng/mL',
    '',
    '25-OH VITAMINA D (soro - CLIA) ............ 33,1 ng/mL       [população geral: acima de 20 |',
    '                                                              maiores de 60 anos e grupos de',
    '                                                              risco: 30 a 60]',
  ]);
  const psa = get(r, /^psa total/i);
  assert.equal(psa?.reference_high, 4.5, JSON.stringify(r.analytes));
  assert.equal(psa?.flag, 'normal');
  assert.equal(get(r, /vitamina d/i)?.reference_low, 30, JSON.stringify(r.analytes));
  assert.deepEqual(r.unparsed_lines, []);
});

test("a drawn ruler whose only bound is at its right with its label ('├━━●━━┤ < 200 (desejável)'), and a numbered note ('Nota 1:') is no result", () => {
  const r = parse([
    'Nascimento ...... 09/08/1990  (35 anos)        Sexo ....... Feminino',
    '',
    'Colesterol total · enzimático                            214 mg/dL',
    '           ├━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┤ < 190 (desejável)   ● ▲',
    'Triglicerídeos · GPO-PAP                                 88 mg/dL',
    '           ├━━━━━━━━━━━━━━━━━━━━━━━●━━━━━━━━━━━━━━━━━━━━━━┤ < 150 (jejum)',
    '',
    'Nota 3: resultado conferido em duplicata.',
  ]);
  assert.equal(get(r, /triglic/i)?.flag, 'normal', JSON.stringify(r.analytes));
  assert.equal(get(r, /triglic/i)?.reference_high, 150);
  assert.ok(!r.analytes.some((a) => /^nota/i.test(a.name)), JSON.stringify(r.analytes));
});

test("one block per analyte with its sample and method in brackets under the title ('(soro · cinético UV (IFCC))'): the reference under it is the block's", () => {
  const r = parse([
    'Paciente: ANA LINS            Sexo: Feminino',
    'Nascimento: 14/03/1980 (45 anos)',
    '',
    '════════════════════════════════════════════════════════════',
    'FOSFATASE ALCALINA                        RESULTADO:   118 U/L',
    '  (soro · cinético (IFCC))',
    'Valor de referência: 35 a 104 U/L',
    '════════════════════════════════════════════════════════════',
    'TAXA DE FILTRAÇÃO GLOMERULAR ESTIMADA     RESULTADO:   71 mL/min/1,73 m²',
    '  (soro · calculado)',
    'Valor de referência: superior a 60 mL/min/1,73 m²',
  ]);
  const alp = get(r, /fosfatase/i);
  assert.equal(alp?.reference_high, 104, JSON.stringify(r.analytes));
  assert.equal(alp?.flag, 'alto');
  assert.equal(get(r, /filtra/i)?.flag, 'normal', JSON.stringify(r.analytes));
  assert.deepEqual(r.unparsed_lines, []);
});

test("a drug level's target for a time since the transplant ('Após 12 meses de TX: 5,0 a 8,0') is no age band", () => {
  const r = parse(['Idade: 52 anos  Sexo: Masculino', '', ' Everolimo (vale) .................. 4,1 ng/mL          Alvo após 6 meses de TX: 3,0 a 8,0']);
  const a = get(r, /everolimo/i);
  assert.equal(a?.reference_low, 3, JSON.stringify(r.analytes));
  assert.equal(a?.flag, 'normal');
});
