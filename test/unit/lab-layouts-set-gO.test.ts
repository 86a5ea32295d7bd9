// The general causes behind wrong readings of held-out sets 124 to 126, one focused case each: the parser on a
// few lines that show each layout, with other names, values and text than the sets. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';

const man = { sex: 'M' as const, birthDate: '1970-03-10', today: '2025-06-01' };
const woman = { sex: 'F' as const, birthDate: '1958-09-02', today: '2025-06-01' };

const find = (r: ReturnType<typeof parseLabReport>, name: RegExp) => r.analytes.find((a) => name.test(a.name));

test("a PDF copied at a phone's narrow width: ranges, units, ids, names and details wrapped anywhere are one line each", () => {
  const text = [
    'LABORATÓRIO VALE VERDE',
    'Rua das Palmeiras, 400',
    'Paciente: JOANA MARIA',
    'DOS SANTOS',
    'Protocolo: 5521-',
    '778120',
    'Data da coleta:',
    '12/03/2025 07:10',
    'TEMPO DE PROTROMBINA',
    'Material: Plasma',
    'citratado',
    'Tempo.............: 14,9',
    'segundos',
    'Controle do dia: 12,6',
    'segundos',
    'Atividade.........: 58 %',
    'Valor de referência: 70',
    'a 120 %',
    'Relação',
    'paciente/controle: 1,18',
    'Valor de referência: até',
    '1,25',
    'HEMOGLOBINA',
    'Material: Sangue total',
    'EDTA',
    'Resultado: 11,2 g/dL',
    'Valor de referência: 12,0',
    'a 15,5 g/dL',
    'UREIA',
    'Método: Urease',
    'cinética',
    'Resultado: 61 mg/dL',
    'Valor de referência: 15',
    'a 45 mg/dL',
    'Página 1 de 1',
  ].join('\n');
  const r = parseLabReport(text, woman);
  assert.equal(find(r, /^atividade/i)?.flag, 'baixo');
  assert.equal(find(r, /relação paciente\/controle/i)?.value, 1.18);
  assert.ok(!r.analytes.some((a) => /controle do dia/i.test(a.name)), 'the control is no result');
  const hb = find(r, /hemoglobina/i);
  assert.equal(hb?.value, 11.2);
  assert.equal(hb?.flag, 'baixo');
  const urea = find(r, /ureia/i);
  assert.equal(urea?.reference_low, 15);
  assert.equal(urea?.flag, 'alto');
  assert.ok(!r.analytes.some((a) => /^(?:edta|cin[eé]tica)$/i.test(a.name)), "a detail's wrapped word names no result");
  assert.deepEqual(r.unparsed_lines, []);
});

test("a clinical note's lead before the results it lists, and a kidney stage in brackets after a value", () => {
  const text = 'Labs 03/04/2025 (UBS, trazidos pela paciente): Ferritina 9 ng/mL (VR 15-150) | TFG 41 mL/min/1,73m² (G3b A2).';
  const r = parseLabReport(text, woman);
  const ferritin = find(r, /ferritina/i);
  assert.equal(ferritin?.value, 9);
  assert.equal(ferritin?.flag, 'baixo');
  assert.equal(r.analytes.find((a) => a.key === 'tfg')?.value, 41);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a history section's row dated after its name is an earlier sample of a result read above", () => {
  const text = [
    'Sódio ......... Resultado: 141 mEq/L',
    'Ácido úrico ... Resultado: 6,1 mg/dL',
    '',
    'Histórico (avaliações anteriores)',
    '  Ácido úrico 02/02/2025: 7,3 mg/dL',
  ].join('\n');
  const r = parseLabReport(text, man);
  assert.deepEqual(
    r.analytes.filter((a) => /rico/i.test(a.name)).map((a) => a.value),
    [6.1],
  );
});

test("a block's title with its reference column's header beside it, the ranges by age beside the block's lines", () => {
  const text = [
    'Idade: 63 anos   Sexo: Masculino',
    'CEA - ANTÍGENO CARCINOEMBRIONÁRIO                         Valores de referência',
    'Método: Quimioluminescência                               Não fumantes: até 3,8 ng/mL',
    'Resultado: 4,4 ng/mL                                      Fumantes: até 5,5 ng/mL',
    '',
    'FERRITINA                                                 Valor de referência',
    'Resultado: 410 ng/mL                                      30 a 400 ng/mL',
  ].join('\n');
  const r = parseLabReport(text, man);
  assert.equal(find(r, /^cea/i)?.value, 4.4);
  const ferritin = find(r, /ferritina/i);
  assert.equal(ferritin?.value, 410);
  assert.equal(ferritin?.flag, 'alto');
});

test("the header's stated risk category picks a goal printed as 'Baixo < 160 / …', and is no row", () => {
  const text = [
    'Sexo: Feminino   Idade: 58 anos',
    'Risco cardiovascular informado pelo médico: ALTO',
    'Colesterol não-HDL ......... 118 mg/dL          Baixo < 160 / Intermediário < 130 /',
    '                                                Alto < 100 / Muito alto < 80 mg/dL',
  ].join('\n');
  const r = parseLabReport(text, woman);
  const nonHdl = r.analytes.find((a) => a.key === 'nao_hdl');
  assert.equal(nonHdl?.reference_high, 100);
  assert.equal(nonHdl?.flag, 'alto');
  assert.equal(r.qualitative.length, 0);
  assert.equal(r.analytes.length, 1);
});

test('goals whose risk category follows each bound in brackets place a value above all of them', () => {
  const r = parseLabReport('Colesterol não-HDL: 177 mg/dL   < 160 (baixo); < 130 (interm.); < 100 (alto); < 80 (muito alto)', man);
  assert.equal(r.analytes[0]?.flag, 'alto');
});

test("an app's card: a finding in words under its title over a negative reference, and a verdict for one unit", () => {
  const text = [
    'URINA',
    'Pesquisa de elementos anormais',
    'Cristais de oxalato de cálcio',
    'Referência: Ausentes',
    '▲ Alterado',
    '',
    'Monócitos',
    '12,0 %  •  840 /mm³',
    'Referência: 80 a 600 /mm³',
    '▲ Acima da referência',
  ].join('\n');
  const r = parseLabReport(text, man);
  const finding = r.qualitative.find((q) => /pesquisa/i.test(q.name));
  assert.equal(finding?.value, 'Cristais de oxalato de cálcio');
  assert.equal(finding?.flag, 'alterado');
  const mono = r.analytes.filter((a) => /mon[oó]citos/i.test(a.name));
  assert.equal(mono.find((a) => a.unit === '%')?.flag, 'indeterminado');
  assert.equal(mono.find((a) => a.unit === '/mm³')?.flag, 'alto');
  assert.deepEqual(r.unparsed_lines, []);
});

test("an e-mail's sentence telling the earlier result is none of this report's, and an Exame: field may open with digits", () => {
  const text = [
    'Exame: 17-ALFA-HIDROXIPROGESTERONA',
    'Resultado: 1,9 ng/mL',
    'Valor de referência: 0,2 a 1,3 ng/mL',
    '',
    'No seu exame anterior (02/09/2024), o resultado de FERRITINA foi 55 ng/mL.',
  ].join('\n');
  const r = parseLabReport(text, man);
  assert.equal(r.analytes.length, 1);
  assert.equal(r.analytes[0]?.value, 1.9);
  assert.equal(r.analytes[0]?.flag, 'alto');
  assert.ok(!r.unparsed_lines.some((u) => /hidroxi|1,9/i.test(u)));
});

test('a led row whose reference cell a transcription marks illegible keeps its value; OCR prints U/L as U/I', () => {
  const text = ['PROLACTINA ............. 31,2 ng/mL          [ilegível]', 'FOSFATASE ALCALINA .....: 150 U/I           40 a 150 U/L'].join('\n');
  const r = parseLabReport(text, woman);
  const prl = find(r, /prolactina/i);
  assert.equal(prl?.value, 31.2);
  assert.equal(prl?.flag, 'indeterminado');
  const alp = find(r, /fosfatase/i);
  assert.equal(alp?.unit, 'U/L');
  assert.equal(alp?.flag, 'normal');
});

test("a collection site's Posto field is the header's", () => {
  const text = ['Posto ........: Unidade Centro Norte', 'GLICOSE .......: 88 mg/dL      70 a 99 mg/dL'].join('\n');
  const r = parseLabReport(text, man);
  assert.equal(r.qualitative.length, 0);
  assert.equal(r.analytes.length, 1);
});

test("a range's label listing the patients at risk, wrapped after a comma, is the range of a patient of that age", () => {
  const text = [
    'VITAMINA D - 25 HIDROXI ... 24,6 ng/mL          Superior a 20: adultos saudáveis até 60 anos',
    '                                                30 a 60: idade acima de 60 anos, gestantes,',
    '                                                lactantes e pacientes de risco',
    '                                                Superior a 100: risco de toxicidade',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1950-01-01', today: '2025-06-01' });
  assert.equal(r.analytes[0]?.reference_low, 30);
  assert.equal(r.analytes[0]?.flag, 'baixo');
});
