// Probes for cumulative grids of held-out sets 142 and 143 (helper hM), rewritten with other names, values
// and labs: each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport, type LabParseResult } from '../../src/labs/parse.ts';

const brief = (r: LabParseResult) => r.analytes.map((a) => [a.name, a.value, a.flag] as const);
const named = (r: LabParseResult, name: string) => r.analytes.find((a) => a.name.startsWith(name));

test('a results-by-date grid whose current date is marked (*) and stands leftmost, earlier dates to its right: only the marked column is read', () => {
  const text = [
    'LABORATÓRIO SERRA AZUL - RELATÓRIO EVOLUTIVO',
    'Paciente: JOANA PEREIRA DIAS     Sexo: F     Idade: 48 anos',
    'Coleta atual: 22/07/2025 08:10',
    '',
    'A data marcada com (*) é a da coleta atual; as demais, coletas anteriores.',
    '',
    'Exame                Unidade      Referência         22/07/2025(*)  14/01/2025  05/06/2024',
    'Sódio                mmol/L       135 a 145          139            141         137',
    'Albumina             g/dL         3,5 a 5,2          3,3            3,9         4,1',
    'Fosfatase alcalina   U/L          35 a 104           118            97          —',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-08-01' });
  assert.deepEqual(brief(r), [
    ['Sódio', 139, 'normal'],
    ['Albumina', 3.3, 'baixo'],
    ['Fosfatase alcalina', 118, 'alto'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a grid whose columns are headed by keys a legend above dates ('(1)' … '(3)'): the newest key's column is the current one; a dash there is no row", () => {
  const text = [
    'HOSPITAL VALE DO SINOS - RELATÓRIO CUMULATIVO',
    'Paciente: OTÁVIO RAMOS LEAL     Sexo: Masculino     Idade: 71 anos',
    '',
    'AMOSTRAS:  (1) 02/02/2025 07:10   (2) 03/02/2025 06:45   (3) 03/02/2025 19:30',
    '',
    'ANALITO             UNID.       REF.             (1)        (2)        (3)',
    'Lipase              U/L         13 a 60          88 H       71 H       54',
    'Bilirrubina total   mg/dL       0,3 a 1,2        2,4 H      --         1,9 H',
    'Amônia              µmol/L      < 50             62 H       --         --',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-03-01' });
  assert.deepEqual(brief(r), [
    ['Lipase', 54, 'normal'],
    ['Bilirrubina total', 1.9, 'alto'],
  ]);
  // The row not done in this sample is no result; its line is listed, with its earlier values, for a person to read.
  assert.ok(r.unparsed_lines.some((l) => l.startsWith('Amônia')));
  assert.equal(named(r, 'Amônia'), undefined);
});

test('under a dated grid, a cell that fills its column runs on one space into the next (name into unit, unit into reference): each column is its own', () => {
  const text = [
    'Exame                  Unidade        Referência       10/05/2025   12/11/2024',
    'Colesterol LDL (calc.) mg/dL          < 130            121          139',
    'Clearance estimado     mL/min/1,73m² > 60              84           91',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  const ldl = r.analytes.find((a) => a.value === 121)!;
  assert.ok(ldl);
  assert.equal(ldl.unit, 'mg/dL');
  assert.ok(!/mg\/dL/.test(ldl.name));
  const clearance = r.analytes.find((a) => a.value === 84);
  assert.ok(clearance);
  assert.equal(clearance!.reference_low, 60);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a graded scale one tier a line in the reference column, each label after its range: the label is its own tier', () => {
  const plain = [
    'Exame                  Resultado       Referência',
    'Ácido fólico           3,2 ng/mL       < 3,0 deficiência',
    '                                       3,0 a 5,9 limítrofe',
    '                                       >= 6,0 normal',
    'Glicemia de jejum      98 mg/dL        < 100 normal',
    '                                       100 a 125 pré-diabetes',
    '                                       >= 126 diabetes',
  ].join('\n');
  const r = parseLabReport(plain, { today: '2025-06-01' });
  assert.equal(named(r, 'Ácido fólico')?.flag, 'baixo');
  assert.equal(named(r, 'Ácido fólico')?.reference_low, 6);
  assert.equal(r.analytes.find((a) => a.value === 98)?.flag, 'normal');
  // Under a grid whose unit and reference precede the dated columns.
  const grid = [
    'Exame               Unidade    Referência            18/09/2025   02/03/2025',
    'Ácido fólico        ng/mL      < 3,0 deficiência     3,2          6,4',
    '                               3,0 a 5,9 limítrofe',
    '                               >= 6,0 normal',
  ].join('\n');
  const g = parseLabReport(grid, { today: '2025-10-01' });
  assert.deepEqual(
    brief(g).map(([, v, f]) => [v, f]),
    [[3.2, 'baixo']],
  );
});
