// Probes for the layout causes found in held-out set 159 (h1565, h1566, h1568, h1569), written with other
// names and values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

type Row = [string, number | string, string];
const opts = { sex: 'M' as const, birthDate: '1950-01-01', today: '2026-06-01' };
const rows = (text: string): Row[] => {
  const r = parseLabReport(text, opts);
  return [...r.analytes.map((a) => [a.name, a.value, a.flag] as Row), ...r.qualitative.map((a) => [a.name, a.value, a.flag] as Row)];
};
const has = (rs: Row[], name: RegExp, value: number | string, flag: string) =>
  assert.ok(
    rs.some(([n, v, f]) => name.test(n) && v === value && f === flag),
    `${name} = ${value} [${flag}] not in ${JSON.stringify(rs)}`,
  );

test('a voice message transcribed under a "Transcrição:" label, with a value taken back after a pause', () => {
  const text = [
    '[02/03/2026 09:10] Joana: 🎤 Áudio (0:40)',
    'Transcrição: "Oi doutora. A ureia deu quarenta e um, o normal é de quinze a quarenta e cinco. E as plaquetas cento e oitenta mil, o normal é de cento e cinquenta mil a quatrocentos mil."',
    '[02/03/2026 09:12] Joana: 🎤 Áudio (0:35)',
    'Transcrição: "Agora o ácido úrico. O ácido úrico deu oito vírgula um… não, peraí, deixa eu ver direito. É seis vírgula um. 6,1. O normal é de dois vírgula quatro a seis."',
    '[02/03/2026 09:14] Joana: 🎤 Áudio (0:30)',
    'Transcrição: "Tem mais um. O INR deu dois vírgula quatro e o papel diz que pra quem toma anticoagulante o alvo é de dois a três. O do mês passado tinha dado um vírgula nove."',
  ].join('\n');
  const r = parseLabReport(text, opts);
  const rs = rows(text);
  has(rs, /^ureia$/i, 41, 'normal');
  has(rs, /^plaquetas$/i, 180, 'normal');
  has(rs, /^ácido úrico$/i, 6.1, 'alto');
  has(rs, /^INR$/i, 2.4, 'normal');
  assert.equal(rs.length, 4, JSON.stringify(rs));
  assert.equal(r.unparsed_lines.length, 0, JSON.stringify(r.unparsed_lines));
});

test('a written summary in an e-mail: sections of prose sentences, references in brackets, lists joined by "e"', () => {
  const text = [
    'Bom dia, doutora. Seguem os exames da minha mãe, digitados do laudo.',
    '',
    'Fígado: a TGP subiu para 64 U/L (referência do laboratório 7 a 41). Em março estava 38. A fosfatase alcalina veio 98 U/L (referência 35 a 104) e a GGT deu 71 U/L (8 a 61).',
    '',
    'Sangue: hemoglobina 13,1 g/dL (12,0 a 15,5), leucócitos 5.200/mm³ (4.000 a 10.000) e plaquetas 241 mil/mm³ (150 a 450 mil).',
    '',
    'Colesterol: total 201 mg/dL (desejável abaixo de 190), HDL 58 mg/dL (desejável acima de 40) e LDL 120 mg/dL. Para o LDL o laudo só traz as metas por risco (baixo risco menor que 130, intermediário menor que 100, alto menor que 70), não diz qual é o dela.',
  ].join('\n');
  const r = parseLabReport(text, opts);
  const rs = rows(text);
  has(rs, /^TGP/i, 64, 'alto');
  has(rs, /fosfatase/i, 98, 'normal');
  has(rs, /^GGT|gama/i, 71, 'alto');
  has(rs, /^hemoglobina$/i, 13.1, 'normal');
  has(rs, /^leucócitos$/i, 5200, 'normal');
  has(rs, /^plaquetas$/i, 241, 'normal');
  has(rs, /^colesterol total$/i, 201, 'alto');
  has(rs, /^HDL/i, 58, 'normal');
  has(rs, /^LDL/i, 120, 'indeterminado');
  assert.equal(rs.length, 9, JSON.stringify(rs));
  assert.equal(r.unparsed_lines.length, 0, JSON.stringify(r.unparsed_lines));
});

test('a lab app card per test: "Seu resultado" / "Faixa esperada para você", and a formula note with the numbers', () => {
  const text = [
    '🔹 Ferritina',
    'Seu resultado: 412 ng/mL',
    'Faixa esperada para você: 22 a 322 ng/mL',
    '➜ Acima do esperado.',
    '',
    '🔹 Peptídeo C',
    'Seu resultado: 0,6 ng/mL',
    'Faixa esperada para você: superior a 0,9 ng/mL',
    '',
    '🔹 Índice HOMA-beta (calculado)',
    'Seu resultado: 88,4',
    'Faixa esperada para você: 167 a 175',
    'ℹ️ Calculado a partir da glicose e da insulina: (20 × 6,1) ÷ (92 - 63).',
  ].join('\n');
  const r = parseLabReport(text, opts);
  const rs = rows(text);
  has(rs, /^ferritina$/i, 412, 'alto');
  has(rs, /peptídeo c/i, 0.6, 'baixo');
  has(rs, /homa/i, 88.4, 'baixo');
  assert.equal(rs.length, 3, JSON.stringify(rs));
  assert.equal(r.unparsed_lines.length, 0, JSON.stringify(r.unparsed_lines));
});

test('a chat message typing two results before one bracket of both references, and a remark after a bracket', () => {
  const text = [
    '[03/05/2026, 10:01:12] Ana Paula: Ureia 52 / creatinina 1,3 (ref até 45 e 0,6 a 1,2)',
    '[03/05/2026, 10:02:40] Ana Paula: Potássio 5,8 (3,5 a 5,1) esse veio marcado em vermelho',
  ].join('\n');
  const r = parseLabReport(text, opts);
  const rs = rows(text);
  has(rs, /^ureia$/i, 52, 'alto');
  has(rs, /^creatinina$/i, 1.3, 'alto');
  has(rs, /^potássio$/i, 5.8, 'alto');
  assert.equal(rs.length, 3, JSON.stringify(rs));
  assert.equal(r.unparsed_lines.length, 0, JSON.stringify(r.unparsed_lines));
});
