// Probes for the administrative lines set 140 listed as unread (docs/labs.md, Limits), rewritten with other
// names, dates and labs: each failed on main before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabReport } from '../../src/labs/parse.ts';
import { isAdminLine } from '../../src/labs/lines.ts';

test("a ';' export's patient table above the results (heads over values) is the patient's fields: no line listed, the sex read from it", () => {
  const text = [
    'HOSPITAL ESCOLA DO CERRADO - LIS;;;;;;;;',
    'Prontuario;Paciente;Sexo;Dt_Nasc;Idade;Setor;Medico_Solicitante;CRM;Convenio',
    '7740213;JOAQUIM PEREIRA LEAL;M;02/09/1958;66;AMB ENDOCRINO;Lia Moura;CRM-GO 19022;SUS',
    ';;;;;;;;',
    'Pedido;Dt_Coleta;Material;Exame;Analito;Resultado;Unidade;Valor_Referencia;Flag',
    '88120;03/06/2025;Soro;CREATININA;Creatinina sérica;1,31;mg/dL;Homens: 0,70 a 1,20 / Mulheres: 0,50 a 1,00;H',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-10' });
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [[1.31, 'alto']],
  );
  assert.deepEqual(r.unparsed_lines, []);
});

test('the sample stamp with the material or the turnaround in a column beside it is administrative; a result beside it is not', () => {
  assert.equal(isAdminLine('Coleta:       02/06/2025 08:10          Material: plasma citratado 3,2% (1:9)'), true);
  assert.equal(isAdminLine('Liberação......: 14/03/2025 22:40    Tempo total: 38 min'), true);
  assert.equal(isAdminLine('Coleta:       02/06/2025 08:10          Fibrinogênio: 412 mg/dL'), false);
  const text = [
    'COAGULOGRAMA',
    'Coleta:       02/06/2025 08:10          Material: plasma citratado 3,2% (1:9)',
    'Tempo de protrombina (TP) ......... 13,1 s      (10,0 a 13,5 s)',
    'Liberação......: 02/06/2025 11:02    Tempo total: 172 min',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-10' });
  assert.deepEqual(
    r.analytes.map((a) => [a.value, a.flag]),
    [[13.1, 'normal']],
  );
  assert.deepEqual(r.unparsed_lines, []);
  // A result run on past a ';' after the turnaround is no field of the stamp: read or listed, never dropped.
  const after = parseLabReport(text.replace('172 min', '172 min ; HBsAg: Reagente'), { today: '2025-06-10' });
  const read = after.qualitative.some((q) => /reagente/i.test(String(q.value)));
  assert.ok(read || after.unparsed_lines.some((l) => l.includes('HBsAg')), JSON.stringify(after));
});
