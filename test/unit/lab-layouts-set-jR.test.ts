// Held-out set 162's people's layouts (h1595): a video consultation's automatic transcript, a speaker and a time
// stamp on a line before each turn, a relative reading the results aloud in words and the doctor checking one back.
// Rewritten examples with other names, values and people. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const rows = (r: LabParseResult) => r.analytes.map((a) => [a.name, a.value, a.flag] as const);
const opts = { sex: 'M' as const, birthDate: '1950-02-10', today: '2025-06-01' };

const CALL = (turns: Array<[string, string]>) =>
  [
    'Transcrição — Teleconsulta Nefrologia',
    ...turns.flatMap(([who, said], k) => ['', `${who}  00:0${Math.floor(k / 6)}:${String((k * 9) % 60).padStart(2, '0')}`, said]),
  ].join('\n');

test('a sentence of a name and a value said in words, or of one word, is speech in a transcript', () => {
  const r = parseLabReport(
    CALL([
      ['Dr. Henrique Sales', 'E o potássio?'],
      ['Marcos Prado (Filho)', 'Potássio quatro vírgula nove. Referência três vírgula cinco a cinco vírgula um. Tem uma estrelinha.'],
      ['Dr. Henrique Sales', 'Cálcio veio?'],
      ['Marcos Prado (Filho)', 'Veio. Cálcio oito vírgula dois, referência oito vírgula seis a dez vírgula dois.'],
    ]),
    opts,
  );
  assert.deepEqual(rows(r), [
    ['Potássio', 4.9, 'normal'],
    ['Cálcio', 8.2, 'baixo'],
  ]);
});

test('a value asked back and restated: the restated reference is the first result’s, the value asked back no row', () => {
  const r = parseLabReport(
    CALL([
      ['Marcos Prado (Filho)', 'Sódio cento e quarenta e oito.'],
      ['Dr. Henrique Sales', 'Cento e dezoito?'],
      ['Marcos Prado (Filho)', 'Não, cento e quarenta e oito. Um, quatro, oito. Referência cento e trinta e cinco a cento e quarenta e cinco.'],
      ['Dr. Henrique Sales', 'Quatro vírgula um. No mês passado tava três vírgula nove. E a ureia?'],
    ]),
    opts,
  );
  assert.deepEqual(rows(r), [['Sódio', 148, 'alto']]);
  assert.ok(r.unparsed_lines.includes('Cento e dezoito?'), JSON.stringify(r.unparsed_lines));
  assert.ok(
    r.unparsed_lines.some((u) => u.startsWith('Quatro vírgula um.')),
    JSON.stringify(r.unparsed_lines),
  );
});

test('units said by their letters, a name of a letter and a number, a pause of talk, age bands said before bounds', () => {
  const r = parseLabReport(
    CALL([
      ['Marcos Prado (Filho)', 'Vancomicina dezoito microgramas por ml, faixa terapêutica dez a vinte.'],
      ['Marcos Prado (Filho)', 'T três livre três vírgula dois, referência dois vírgula três a quatro vírgula dois.'],
      [
        'Marcos Prado (Filho)',
        'Ureia sessenta e dois, referência quinze a cinquenta. E a creatinina... peraí que caiu o papel... creatinina dois vírgula um, referência zero vírgula sete a um vírgula três.',
      ],
      [
        'Marcos Prado (Filho)',
        'NT pró BNP novecentos e vinte, pg barra ml. E do lado tem uma tabela: menos de cinquenta anos até quatrocentos e cinquenta, de cinquenta a setenta e cinco anos até novecentos, acima de setenta e cinco anos até mil e oitocentos.',
      ],
      ['Dr. Henrique Sales', 'Em março foi mil e duzentos, melhorou.'],
    ]),
    opts,
  );
  assert.deepEqual(rows(r), [
    ['Vancomicina', 18, 'normal'],
    ['T3 livre', 3.2, 'normal'],
    ['Ureia', 62, 'alto'],
    ['Creatinina', 2.1, 'alto'],
    ['NT pró BNP', 920, 'alto'],
  ]);
});

// Held-out set 162's typed notes (h1598, h1601): a tolerance curve typed into a chat under its title, a relative's
// remark recalling the last value, a count typed "mais de", a word reference typed "normal:".
test('a tolerance curve typed under its title, each time point with its value and no colon', () => {
  const r = parseLabReport(
    ['14/03/2026 10:02 - Paula: Curva glicêmica (a do xarope)', 'jejum 95 (menor que 92)', '1 hora 170 (menor que 180)', '2 horas 160 (menor que 153)'].join(
      '\n',
    ),
    { sex: 'F', birthDate: '1995-01-01', today: '2025-06-01' },
  );
  assert.deepEqual(
    // The title may head the fasting point's name ("Curva glicêmica … jejum"): the time point ends it.
    rows(r).map(([n, v, f]) => [/(?:jejum|\d+ horas?)$/u.exec(n)?.[0], v, f]),
    [
      ['jejum', 95, 'alto'],
      ['1 hora', 170, 'normal'],
      ['2 horas', 160, 'alto'],
    ],
  );
});

test("a relative's remark after a result recalling the earlier value is no part of it", () => {
  const r = parseLabReport('sangue\nglicose 131 (normal 70 a 99) – no último exame era 118 então piorou\n', opts);
  assert.deepEqual(rows(r), [['Glicose', 131, 'alto']]);
});

test('a count typed "mais de" is read at its bound, and a word reference typed "normal:" flags a word result', () => {
  const r = parseLabReport('urina\ncontagem de colônias: mais de 50.000 UFC/mL\nesterase leucocitária positiva (normal: negativo)\n', opts);
  assert.deepEqual(
    r.analytes.map((a) => [a.name.endsWith('contagem de colônias'), a.value]),
    [[true, 50000]],
  );
  assert.deepEqual(
    r.qualitative.map((a) => [a.value, a.flag]),
    [['positiva', 'alterado']],
  );
});
