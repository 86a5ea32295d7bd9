// Probes for the corpus-test findings of sets 145-147 (administrative lines listed as unread, a result after a typist's
// remark dropped), rewritten with other names, numbers and labs: each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';
import { lostAnalytes } from '../support/lab-lost-analytes.ts';

const ADMIN_LINES = [
  'Nota 4 - A ferritina de 11/01/2025 não foi repetida.',
  'Última dose de ciclosporina: 02/06/2025 21:00 (150 mg)      Coleta: 03/06/2025 08:40',
  'Gestante: Sim - 3º trimestre (31 sem)   Idade: 29 anos',
  'Nome: JOANA PAIXÃO DIAS            RH: 2.118.406',
  'Protocolo: FOLFOX (oxaliplatina + 5-FU), ciclo 5 de 12 - D1 previsto 09/06/2025',
  'Pedido número 55120871. Coletado em 3 de junho de 2025 às 9 horas e 15 minutos.',
];

test('a note’s number, a drug’s last dose, pregnancy weeks, a hospital record, a cycle of a protocol and a clock time said in words are no results', () => {
  for (const line of ADMIN_LINES) {
    const text = ['Creatinina ........ 0,92 mg/dL    (0,50 a 1,10)', line, 'Ureia ............. 31 mg/dL      (15 a 45)'].join('\n');
    const r = parseLabReport(text, { sex: 'F', today: '2025-06-10' });
    assert.deepEqual(
      r.analytes.map((a) => a.value),
      [0.92, 31],
      line,
    );
    assert.deepEqual(r.unparsed_lines, [], line);
  }
});

test('a result beside such a stamp still counts: the line is read or listed', () => {
  const line = 'Última dose de ciclosporina: 02/06/2025 21:00 (150 mg)      Potássio 5,9 mmol/L';
  const r = parseLabReport(['Creatinina ........ 0,92 mg/dL    (0,50 a 1,10)', line].join('\n'), { sex: 'F', today: '2025-06-10' });
  assert.ok(r.analytes.some((a) => a.value === 5.9) || r.unparsed_lines.includes(line), JSON.stringify(r));
});

test("a typist's remark behind an arrow ends at a column gap: a result after it is read or its line listed", () => {
  for (const tail of ['   Anti-HBs   Reagente', ' ; Sódio 131,5']) {
    const line = `  Sódio ................ 131 mEq/L      (135 a 145)   ← sublinhado no papel${tail}`;
    const r = parseLabReport(['Glicose .............. 92 mg/dL       (70 a 99)', line].join('\n'), { sex: 'M', today: '2025-06-10' });
    const said = [...r.analytes.map((a) => String(a.value)), ...r.qualitative.map((a) => String(a.value))];
    assert.ok(said.includes('131'), JSON.stringify(said));
    assert.ok(said.some((v) => /reagente|131\.5/i.test(v)) || r.unparsed_lines.includes(line.trim()), JSON.stringify([said, r.unparsed_lines]));
  }
});

test("a dot-leader row whose result is lost is listed, though a neighbour's goals print the same number", () => {
  const text = [
    'COLESTEROL TOTAL .............. 205 mg/dL    Desejável: inferior a 190 mg/dL',
    'LDL COLESTEROL (Friedewald) ... 100 mg/dL',
    'NÃO-HDL COLESTEROL ............ 131 mg/dL',
    '   Risco      LDL            Não-HDL',
    '   Baixo      < 130 mg/dL    < 160 mg/dL',
    '   Intermed.  < 100 mg/dL    < 130 mg/dL',
    '   Alto       < 70 mg/dL     < 100 mg/dL',
  ].join('\n');
  const { read, unlisted } = lostAnalytes(text, { sex: 'F', today: '2025-06-10' });
  assert.equal(read, 3);
  assert.deepEqual(unlisted, []);
});
