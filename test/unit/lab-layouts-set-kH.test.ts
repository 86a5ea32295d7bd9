// Probes for h1666, h1670, h1674 and h1685: results typed into a chat and corrected later (with no stamps, with no
// "e" before "não", with the digits swapped and no name), the typist's remarks and faces after a result, a
// reference quoted after a dash, and a lab's SMS whose numbered parts came out of order, twice, and cut inside
// words and numbers. Reports of our own, no database, no model.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

const opts = { today: '2025-06-01' };
const read = (text: string) => parseLabReport(text, opts);
const find = (text: string, re: RegExp) => read(text).analytes.find((a) => re.test(a.name));

test('a urine line of word results typed after a colon is listed when unread, never dropped (h1674)', () => {
  const text = ['exames da minha mae', 'ureia 38 (15 a 45)', 'urina: nitrito negativo, hemacias deu "traços"'].join('\n');
  const r = read(text);
  const listed = r.unparsed_lines.includes('urina: nitrito negativo, hemacias deu "traços"');
  const made = r.qualitative.some((q) => q.line === 2);
  assert.ok(listed || made);
});

test('a correction typed with no chat stamps, value and slip both said, replaces the slip (h1674)', () => {
  const text = [
    'resultados do meu pai',
    'glicada 9,1% (normal ate 5,7)',
    'creatinina 1,1 (0,7 a 1,3)',
    '',
    '---',
    'ops errei, a glicada é 9,4 nao 9,1 kkk',
  ].join('\n');
  assert.equal(find(text, /glicada/i)?.value, 9.4);
});

test('a stamped correction without the "e" before "não" replaces the slip (h1685)', () => {
  const text = [
    '[02/03/2025 10:01] Marta Lins: sodio 141 (136 a 145)',
    'potassio 4,9 (3,5 a 5,1)',
    '[02/03/2025 10:05] Marta Lins: errei dr, o potassio é 4,6 nao 4,9. desculpa',
  ].join('\n');
  assert.equal(find(text, /pot[aá]ssio/i)?.value, 4.6);
});

test("a value said against swapped digits, with no name, corrects the sender's last number (h1666)", () => {
  const text = [
    '[03/03/2025 18:00] Rui Dantas: hemoglobina 14,2 (13 a 17)',
    'plaquetas 254 mil',
    '[03/03/2025 18:01] Rui Dantas: nao, é 245 mil, troquei os numeros. ref 150 a 400 mil',
  ].join('\n');
  assert.equal(find(text, /plaquetas/i)?.value, 245);
});

test("the typist's remark on a message's later line, a face, a mark noted are no cells of the result (h1666, h1685)", () => {
  const text = [
    '[04/03/2025 09:00] Ana Reis: ferro 38 (50 a 170)',
    'ferritina 11 (15 a 150) 😟',
    'acido folico 4,1 (3,9 a 26,8) o medico vai achar baixo ne?',
    'vcm 78 tem um asterisco ali',
  ].join('\n');
  assert.equal(find(text, /ferritina/i)?.flag, 'baixo');
  assert.equal(find(text, /f[oó]lico/i)?.flag, 'normal');
  assert.equal(find(text, /vcm/i)?.value, 78);
});

test("a reference quoted after a dash is the result's, no row of its own (h1666)", () => {
  const text = ['[05/03/2025 11:00] Joao: glicose 90 (70 a 99)', 'vitamina D 17,2 - aqui diz "acima de 20 para populacao saudavel"'].join('\n');
  const r = read(text);
  assert.equal(find(text, /vitamina d/i)?.flag, 'baixo');
  assert.equal(r.analytes.length, 2);
});

test('"aqui fala que a meta depende do risco" opens a quoted goal (h1685)', () => {
  const text = ['colesterol total 201 (menor que 190)', 'ldl 128 (aqui fala que a meta depende do risco: menor que 100, menor que 70 ou menor que 50)'].join(
    '\n',
  );
  assert.equal(find(text, /ldl/i)?.value, 128);
});

test("an SMS's parts out of order, sent twice and cut inside words and numbers are read whole, each once (h1670)", () => {
  const text = [
    'Conversa: 40411 (LABVIDA)',
    '',
    'Seg, 02/06 · 10:00',
    '(1/4) LAB VIDA Res. prot 5521 JOSE P SILVA 61a M. Hemoglobina 14,9 g/dL (13,0-17,0) Leuco',
    '',
    'Seg, 02/06 · 10:00',
    '(3/4) 61.000/mm3 (150.000-450.000) Col total 230 mg/dL (desej <190) LDL 151 mg/dL (meta cf risco CV) Ureia 33 mg/d',
    '',
    'Seg, 02/06 · 10:00',
    '(2/4) citos 7.400/mm3 (4.000-10.000) Plaquetas 2',
    '',
    'Seg, 02/06 · 10:01',
    '(2/4) citos 7.400/mm3 (4.000-10.000) Plaquetas 2',
    '',
    'Seg, 02/06 · 10:01',
    '(4/4) L (15-45) TSH 2,2 uUI/mL (0,40-4,30). Laudo: labvida.com.br',
  ].join('\n');
  const r = read(text);
  const rows = r.analytes.map((a) => [a.key, a.value, a.flag]);
  assert.ok(!r.analytes.some((a) => /conversa/i.test(a.name)));
  assert.deepEqual(rows.sort(), [
    ['colesterol_total', 230, 'alto'],
    ['hemoglobina', 14.9, 'normal'],
    ['ldl', 151, 'indeterminado'],
    ['leucocitos', 7400, 'normal'],
    ['plaquetas', 261000, 'normal'],
    ['tsh', 2.2, 'normal'],
    ['ureia', 33, 'normal'],
  ]);
});
