// The general causes behind the misses of held-out set 189, one focused case each: the parser on the few
// lines that show each layout, with other names and values than the fixtures. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowNamed as row } from '../support/lab-rows.ts';

test("a phone's notification history, one lab notification a result between other apps': each result is read", () => {
  const text = [
    'Histórico de notificações',
    '',
    'LabSaúde Centro · 07:58',
    'Resultado disponível 🔔 Ferritina: 8 ng/mL. Referência: 15 a 150 ng/mL. Toque para abrir o laudo.',
    '',
    'Telegram · 08:02',
    'Pedro: chegou?',
    '',
    'LabSaúde Centro · 08:40',
    'Resultado liberado ✅ HIV 1 e 2: NÃO REAGENTE. Referência: Não reagente. Observação: há uma janela imunológica (de até 30 dias) em que o teste pode ainda não ser reagente. Toque para ver o resultado.',
    '',
    'LabSaúde Centro · 09:15',
    'Resultado liberado ✅ Eletrólitos: Sódio 131 mEq/L (ref. 136 a 145) · Potássio 5,9 mEq/L (ref. 3,5 a 5,1). Toque para ver o laudo.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1980-05-05' });
  assert.equal(row(r, 'Ferritina')?.value, 8);
  assert.equal(row(r, 'Ferritina')?.flag, 'baixo');
  assert.equal(row(r, 'HIV 1 e 2')?.value, 'NÃO REAGENTE');
  assert.equal(row(r, 'HIV 1 e 2')?.flag, 'normal');
  assert.equal(row(r, 'Sódio')?.value, 131);
  assert.equal(row(r, 'Sódio')?.flag, 'baixo');
  assert.equal(row(r, 'Potássio')?.value, 5.9);
  assert.equal(row(r, 'Potássio')?.flag, 'alto');
  assert.deepEqual(r.unparsed_lines, []);
  // A dot between targets, each a name and its bound, parts no results.
  const goals = parseLabReport(['Sódio   131 mEq/L   136 a 145', 'Metas do protocolo: Sódio ≥ 135 mEq/L · Potássio ≤ 5,0 mEq/L'].join('\n'), { sex: 'M' });
  assert.equal([...goals.analytes, ...goals.qualitative].filter((a) => a.name === 'Potássio').length, 0);
});

test('a dictation transcribed with a colon after the name and the value said in words: the result is read', () => {
  const text = [
    'Oi doutora, vou ler os exames do meu pai aqui.',
    'Agora o ferro. Ferritina: cento e vinte nanogramas por mililitro. Referência para homens: 30 a 400.',
    'Ácido úrico: sete vírgula nove miligramas por decilitro, referência de 3,4 a 7,0.',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1950-05-05' });
  assert.equal(row(r, 'Ferritina')?.value, 120);
  assert.equal(row(r, 'Ferritina')?.flag, 'normal');
  assert.equal(row(r, 'Ácido úrico')?.value, 7.9);
  assert.equal(row(r, 'Ácido úrico')?.flag, 'alto');
});

test("a LIS's previous-result column headed by its sample's date and hour: the rows under it are read", () => {
  const text = [
    'EXAME                     RESULTADO   UN        FL  VALOR DE REFERÊNCIA   ANT.02/03 08h',
    '-----------------------------------------------------------------------------------------',
    '  UREIA                        61     mg/dL     H   15 a 45                         48',
    '  CREATININA                  1,9     mg/dL     H   0,7 a 1,3                      1,6',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1950-05-05' });
  assert.equal(row(r, 'Ureia')?.value, 61);
  assert.equal(row(r, 'Ureia')?.flag, 'alto');
  assert.equal(row(r, 'Creatinina')?.value, 1.9);
  assert.deepEqual(r.unparsed_lines, []);
});

test("a transcriber's note that the reference does not show, after saying why: no range, and the result is read", () => {
  const text = ['### Urina tipo 1', '- **Densidade:** 1.025 — *Ref.: 1.005 a 1.030*', '- **pH:** 7,0 — *Ref.: [canto rasgado da folha, não aparece]*'].join(
    '\n',
  );
  const r = parseLabReport(text, { sex: 'F', birthDate: '1990-05-05' });
  assert.equal(row(r, 'pH')?.value, 7);
  assert.equal(row(r, 'pH')?.flag, 'indeterminado');
  assert.deepEqual(r.unparsed_lines, []);
});
