import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

const rows = (text: string, opts = {}) => {
  const r = parseLabReport(text, { today: '2025-06-01', ...opts });
  return { r, got: r.analytes.map((a) => [a.name, a.value, a.flag]) };
};

test('a check-up summary: "Meta" column and a ✔/✖ status symbol after it', () => {
  const { r, got } = rows(
    [
      'Exame                     Seu resultado        Meta                      Situação',
      'Creatinina                0,88 mg/dL           0,60 a 1,10 mg/dL         ✔',
      'Colesterol total          231 mg/dL            abaixo de 190 mg/dL       ✖',
      'Vitamina B12              180 pg/mL            acima de 200 pg/mL        ✗',
      'Ferritina                 88 ng/mL             30 a 400 ng/mL            ✓',
    ].join('\n'),
  );
  assert.deepEqual(got, [
    ['Creatinina', 0.88, 'normal'],
    ['Colesterol total', 231, 'alto'],
    ['Vitamina B12', 180, 'baixo'],
    ['Ferritina', 88, 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a hormone panel with reference columns per cycle phase reads the phase the header names', () => {
  const { got } = rows(
    [
      'Sexo: Feminino',
      'Fase do ciclo informada: folicular',
      '',
      'EXAME / RESULTADO        FOLICULAR     OVULATÓRIA    LÚTEA         PÓS-MENOPAUSA',
      'LH',
      '   9,8 mUI/mL            2,4 a 12,6    14,0 a 95,6   1,0 a 11,4    7,7 a 58,5',
      'Progesterona',
      '   2,1 ng/mL             0,2 a 1,5     0,8 a 3,0     1,7 a 27,0    0,1 a 0,8',
    ].join('\n'),
    { sex: 'F' },
  );
  assert.deepEqual(got, [
    ['LH', 9.8, 'normal'],
    ['Progesterona', 2.1, 'alto'],
  ]);
});

test('a visual report: "[verde: a a b]" after the value is the reference; a colour legend and the band line are not rows', () => {
  const { r, got } = rows(
    [
      'Hemoglobina ......... 11,2 g/dL          [verde: 12,0 a 16,0]',
      'Plaquetas ........... 310 mil/mm³        [verde: 150 a 400]',
      '',
      'Resultado: 6,8 %',
      '   4,0          5,7          6,5          9,0',
      '   |███VERDE████|▒▒AMARELO▒▒▒|###VERMELHO#|',
      'Legenda:',
      '   ■ Verde ........ inferior a 5,7 %',
      '   ■ Amarelo ...... 5,7 a 6,4 %',
      '   ■ Vermelho ..... igual ou superior a 6,5 %',
      'Seu resultado está na faixa: VERMELHA',
    ].join('\n'),
  );
  assert.deepEqual(got.slice(0, 2), [
    ['Hemoglobina', 11.2, 'baixo'],
    ['Plaquetas', 310, 'normal'],
  ]);
  assert.ok(!r.analytes.some((a) => /verde|amarel|vermelh/iu.test(a.name)), JSON.stringify(got));
  assert.ok(!r.qualitative.some((a) => /faixa/iu.test(a.name)), JSON.stringify(r.qualitative.map((q) => q.name)));
});

test('the phase "considered for interpretation" in the header picks its column', () => {
  const { got } = rows(
    [
      'Sexo: Feminino',
      '   -> FASE DO CICLO CONSIDERADA PARA INTERPRETAÇÃO: FOLICULAR',
      '',
      'EXAME / RESULTADO        FOLICULAR     OVULATÓRIA    LÚTEA         PÓS-MENOPAUSA',
      'FSH',
      '   14,0 mUI/mL           3,5 a 12,5    4,7 a 21,5    1,7 a 7,7     25,8 a 134,8',
    ].join('\n'),
    { sex: 'F' },
  );
  assert.deepEqual(got, [['FSH', 14, 'alto']]);
});

test('a visual report: the green band of the legend under a value is its reference', () => {
  const { r, got } = rows(
    [
      'Ureia .................. 52 mg/dL',
      '   Legenda: ■ Verde 17 a 43 | ■ Vermelho fora desta faixa',
      '   Faixa do resultado: VERMELHA',
      'Potássio ............... 4,1 mEq/L',
      '   Legenda: ■ Verde 3,5 a 5,1 | ■ Vermelho fora desta faixa',
      '   Faixa do resultado: VERDE',
    ].join('\n'),
  );
  assert.deepEqual(got, [
    ['Ureia', 52, 'alto'],
    ['Potássio', 4.1, 'normal'],
  ]);
  assert.match(r.analytes[0]!.reference_text ?? '', /17 a 43/);
  assert.deepEqual(r.unparsed_lines, []);
});
