// Probes for the layout causes found in held-out set 155 (h1524, h1525, h1527, h1531, h1532), written with
// other labs, names and values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';

type Row = [string, number | string, string];
const rows = (text: string): Row[] => {
  const r = parseLabReport(text, { sex: 'M', birthDate: '1970-01-01', today: '2025-06-01' });
  return [...r.analytes.map((a) => [a.name, a.value, a.flag] as Row), ...r.qualitative.map((a) => [a.name, a.value, a.flag] as Row)];
};
const has = (rs: Row[], name: RegExp, value: number | string, flag: string) =>
  assert.ok(
    rs.some(([n, v, f]) => name.test(n) && v === value && f === flag),
    `${name} = ${value} [${flag}] not in ${JSON.stringify(rs)}`,
  );

test('rows printed in order of release: the release time and the bench code before the name are cut', () => {
  const text = [
    'HORA   SETOR   EXAME                        RESULTADO          VALOR DE REFERÊNCIA',
    '07:12 BIOQ    Potássio                     6,1 mmol/L (H)     3,5 a 5,1 mmol/L',
    '07:12 BIOQ    Ureia                        22 mg/dL           17 a 43 mg/dL',
    '07:30 HEMA    Hemoglobina                  9,8 g/dL (L)       13,0 a 17,0 g/dL',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1970-01-01', today: '2025-06-01' });
  const rs = rows(text);
  has(rs, /^Potássio$/, 6.1, 'alto');
  has(rs, /^Ureia$/, 22, 'normal');
  has(rs, /^Hemoglobina$/, 9.8, 'baixo');
  assert.equal(r.unparsed_lines.length, 0, JSON.stringify(r.unparsed_lines));
});

test('an item column whose header word is one space from the exam, and an order-state column at the end', () => {
  const text = [
    'Item Exame                        Resultado   Unid.    Valor de referência     Situação',
    ' 01  UREIA                        51          mg/dL    15 a 45                 LIBERADO',
    ' 02  LDL-COLESTEROL               120         mg/dL    ver nota 2              LIBERADO',
    ' 03  FERRITINA                    --          ng/mL    30 a 400                PENDENTE',
    ' 04  MICROALBUMINÚRIA (amostra isolada)',
    '                                  45          mg/g     inferior a 30           LIBERADO',
  ].join('\n');
  const rs = rows(text);
  has(rs, /^Ureia$/i, 51, 'alto');
  assert.ok(
    rs.some(([n, v]) => /LDL/i.test(n) && v === 120),
    JSON.stringify(rs),
  );
  // The value under its wrapped name is no row number: it is read, never cut.
  assert.ok(
    rs.some(([, v]) => v === 45),
    JSON.stringify(rs),
  );
  assert.ok(!rs.some(([n]) => /ferritina/i.test(n)), 'a pending exam has no result');
});

test('an immunoblot: the class before the reading and the drawn band are no result; the class legend neither', () => {
  const text = [
    'Classes: 0 = negativo | (+) = limítrofe |',
    '+ = fraco positivo | ++ = positivo | +++ = fortemente positivo.',
    '  Antígeno             Classe   Intensidade            Interpretação   VR',
    '  Mi-2                   0      |                    |    Negativo        Negativo',
    '  Ku                     ++     |█████████           |    Positivo        Negativo',
    '  Th/To                  +      |████                |    Positivo        Negativo',
  ].join('\n');
  const rs = rows(text);
  has(rs, /^Mi-2$/, 'Negativo', 'normal');
  has(rs, /^Ku$/, 'Positivo', 'alterado');
  has(rs, /^Th\/To$/, 'Positivo', 'alterado');
  assert.equal(rs.length, 3, JSON.stringify(rs));
});

test('a body fluid beside its paired serum: each specimen its result, the range the serum’s, the ratio its own', () => {
  const text = [
    '   Parâmetro         |  [A] Líquido |  [S] Soro  | Unidade | VR do soro     | Relação A/S',
    '   ------------------+--------------+------------+---------+----------------+------------',
    '   Proteínas totais  |     3,1      |    7,0     |  g/dL   |    6,4 a 8,3   |    0,44',
    '   Glicose           |     88       |    92      |  mg/dL  |    70 a 99     |     --',
    '   ------------------+--------------+------------+---------+----------------+------------',
  ].join('\n');
  const rs = rows(text);
  has(rs, /^Proteínas totais \(líquido\)$/, 3.1, 'indeterminado');
  has(rs, /^Proteínas totais$/, 7, 'normal');
  has(rs, /Relação A\/S/, 0.44, 'indeterminado');
  // The fluid's glucose takes no blood range, built in or printed.
  has(rs, /^Glicose/, 88, 'indeterminado');
  has(rs, /^Glicose/, 92, 'normal');
});

test('an antibiogram under a header naming the MIC column: a lone letter beside an MIC without comparator', () => {
  const text = [
    '    Antimicrobiano               CIM (µg/mL)     Interpretação',
    '    Cefazolina                   >= 64           R',
    '    Levofloxacino                1               I',
    '    Tigeciclina                  0,5             R',
  ].join('\n');
  const rs = rows(text);
  has(rs, /^Cefazolina$/, 'R', 'indeterminado');
  has(rs, /^Levofloxacino$/, 'I', 'indeterminado');
  has(rs, /^Tigeciclina$/, 'R', 'indeterminado');
});
