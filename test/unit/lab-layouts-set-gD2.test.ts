// Set 117's lines that set aside what a value or a word added to them would print (h1151, h1149), and a CPF's
// line: the parser on a few lines of each layout, with other names, values and text than the set. No database,
// no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const TODAY = '2025-06-01';
/** A value is an analyte's or in an unread line. */
const seen = (r: LabParseResult, value: number) =>
  r.analytes.some((a) => a.value === value) || r.unparsed_lines.some((u) => u.includes(String(value).replace('.', ',')));
/** A word is a result's, or in an unread line. */
const wordSeen = (r: LabParseResult, word: RegExp) =>
  [...r.qualitative, ...r.analytes].some((a) => word.test(String(a.value))) || r.unparsed_lines.some((u) => word.test(u));

// An app's screen as a screen reader speaks it: roles before what they read.
const screen = (extra: Record<number, string>) =>
  [
    'Janela: Meus exames - Clínica Exemplo',
    'Botão: Voltar',
    'Título, nível 2: Dados do atendimento',
    'Rótulo: Idade',
    'Valor: 52 anos',
    'Título, nível 2: Potássio',
    'Rótulo: Resultado',
    'Valor: 4,4 mmol/L',
    'Rótulo: Valor de referência',
    'Valor: 3,5 a 5,1 mmol/L',
    'Título, nível 3: Antibiograma',
    'Lista: 2 itens',
    'Item 1 de 2: Gentamicina. Interpretação: Sensível.',
    'Item 2 de 2: Norfloxacino. Interpretação: Resistente.',
    'Fim da lista',
    'Botão: Imprimir',
  ]
    .map((l, i) => (extra[i] ? `${l}${extra[i]}` : l))
    .join('\n');

test("what a screen reader's announcement, control or label line prints after what its role speaks is read or listed", () => {
  // As printed, the screen reads as the report it speaks.
  const printed = parseLabReport(screen({}), { today: TODAY });
  assert.deepEqual(
    printed.analytes.map((a) => [a.name, a.value]),
    [['Potássio', 4.4]],
  );
  assert.deepEqual(printed.unparsed_lines, []);
  for (const [line, suffix] of [
    [11, '   Ureia 52,3 mg/dL'],
    [11, ' ; Sódio 139,4'],
    [1, '   61,9'],
    [15, '   (repetido: 61,9)'],
    [3, ' 61,9'],
    [6, '   61,9'],
    [8, ' ; Sódio 139,4'],
  ] as const) {
    const value = Number(suffix.replace(/.*?(\d+),(\d+).*/, '$1.$2'));
    const r = parseLabReport(screen({ [line]: suffix }), { today: TODAY });
    assert.ok(seen(r, value), `line ${line + 1} + "${suffix}": ${value} dropped`);
  }
  for (const line of [1, 3, 11, 14]) {
    const r = parseLabReport(screen({ [line]: '   Anti-HCV   REAGENTE' }), { today: TODAY });
    assert.ok(wordSeen(r, /reagente/i), `line ${line + 1}: the word dropped`);
  }
});

const csv = (headerExtra: string, footer: string) =>
  [
    '# Exportação de resultados gerada em 01/06/2025 por usuário 528.117.xxx-xx',
    `"Nome";"Sexo";"Nascimento";"Requisição";"Exame";"Resultado";"Unidade";"Referência";"Status"${headerExtra}`,
    '"LUCIA PRADO";"F";"21/09/1971";"55120";"Glicose";"88";"mg/dL";"70 - 99";"Liberado"',
    '"LUCIA PRADO";"F";"21/09/1971";"55120";"Creatinina";"0,81";"mg/dL";"0,50 - 0,90";"Liberado"',
    '',
    footer,
  ].join('\n');

test("a CSV export's header that its patient's fields replace keeps a word or a value printed after its heads", () => {
  for (const extra of ['   Anti-HBs   POSITIVO', ' ; HBsAg: Positivo'])
    assert.ok(wordSeen(parseLabReport(csv(extra, ''), { today: TODAY }), /positivo/i), extra);
  for (const extra of ['   61,9', ' ; Sódio 139,4']) {
    const value = Number(extra.replace(/.*?(\d+),(\d+).*/, '$1.$2'));
    assert.ok(seen(parseLabReport(csv(extra, ''), { today: TODAY }), value), extra);
  }
});

test("an export's tally of its records is no result, nor an unread line", () => {
  for (const footer of ['# Documento sem valor de laudo. Total de registros: 2', 'Total de exames: 2', 'Registros exportados: 2']) {
    const r = parseLabReport(csv('', footer), { today: TODAY });
    assert.deepEqual(
      r.analytes.map((a) => [a.name, a.value]),
      [
        ['Glicose', 88],
        ['Creatinina', 0.81],
      ],
      footer,
    );
    assert.deepEqual(r.unparsed_lines, [], footer);
  }
});

test("a CPF's line is administrative, with its label or without it, its digits masked or not", () => {
  for (const cpf of [
    'CPF: 318.604.227-51',
    'CPF 318604227-51',
    'Cliente: Rosa Tavares   CPF: ***.604.227-**',
    'CPF: 318.604.227 - 51',
    'CPF: 318.***.***-51',
    'Gerado por usuário 318.604.xxx-xx',
    '318.604.227-51',
  ]) {
    const text = [
      'LABORATÓRIO MODELO',
      'Paciente: Rosa Tavares',
      cpf,
      '',
      'GLICOSE ........ 92 mg/dL     70 a 99',
      'UREIA .......... 34 mg/dL     15 a 45',
    ].join('\n');
    const r = parseLabReport(text, { today: TODAY });
    assert.deepEqual(
      r.analytes.map((a) => [a.name, a.value]),
      [
        ['Glicose', 92],
        ['Ureia', 34],
      ],
      cpf,
    );
    assert.deepEqual(r.unparsed_lines, [], cpf);
  }
  // One cell a line, its label on the line above.
  const r = parseLabReport(['Paciente', 'Rosa Tavares', 'CPF', '318.604.227-51', '', 'Glicose', '92 mg/dL', 'Referência: 70 a 99'].join('\n'), {
    today: TODAY,
  });
  assert.deepEqual(r.unparsed_lines, []);
  // A value printed after it is still read or listed.
  assert.ok(seen(parseLabReport(['Paciente: Rosa Tavares', 'CPF: 318.604.227-51   61,9', 'Glicose   92 mg/dL   70 a 99'].join('\n'), { today: TODAY }), 61.9));
});
