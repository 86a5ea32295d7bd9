// Probes for the lost-analyte corpus property on held-out set 143 (helper hW), rewritten with other names,
// values and labs: each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

test("a word field with its system in brackets and whose sample it is ('Tipo sanguíneo (ABO) da mãe ...... B'): the one letter is read, and lost, its line is listed", () => {
  const text = [
    'HOSPITAL E MATERNIDADE SÃO LUCAS - AGÊNCIA TRANSFUSIONAL',
    'Paciente: MARIANA COSTA FEITOSA                 Registro: 24-118270',
    'Coleta: 14/08/2025 07:15',
    '',
    'IMUNO-HEMATOLOGIA                                  Material: sangue total EDTA',
    'Tipo sanguíneo (ABO) da mãe ...... B',
    'Fator Rh (D) da mãe .............. Negativo',
    'Coombs indireto .................. Negativo          Ref.: Negativo',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-09-01' });
  assert.ok(
    r.qualitative.some((a) => a.name === 'Tipo sanguíneo (ABO) da mãe' && a.value === 'B'),
    JSON.stringify(r.qualitative),
  );
  assert.deepEqual(r.unparsed_lines, []);
  assert.deepEqual(lostAnalytes(text).unlisted, []);
});
