// The general causes behind the misses of held-out set 149, one focused case each: the parser on the few
// lines that show each layout. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test("an hourly flowsheet's header keeps what follows its reference column's head", () => {
  const text = [
    'UTI ADULTO - CONTROLE POR HORÁRIO        Data: 14/03/2025',
    '',
    'PARÂMETRO        UNID.     04h      08h      12h      16h   | VR   (conferido: 33,9)',
    '---------------------------------------------------------------------',
    'Glicose (POCT)   mg/dL     310      254      190      162   | 70 – 99',
    'Potássio (POCT)  mmol/L    5,6      4,9      4,1      3,8   | 3,5 – 5,1',
    '---------------------------------------------------------------------',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(
    brief(r).filter((a) => a[0] !== 'Glicose' && a[0] !== 'Potássio'),
    [],
  );
  assert.ok(r.unparsed_lines.some((u) => u.includes('33,9')) || r.analytes.some((a) => a.value === 33.9), JSON.stringify(r.unparsed_lines));
});

test("a pre/post map's row runs on after a ';' past its earlier month's column", () => {
  const text = [
    'MAPA MENSAL – HEMODIÁLISE – MARÇO/2025',
    '',
    'EXAME                        PRÉ        PÓS       META / REFERÊNCIA          FEV/25',
    '-----------------------------------------------------------------------------------------',
    'Ureia (mg/dL)                132        38        pós: —                      140 / 41',
    'Fósforo (mg/dL)              5,9                  3,5 a 5,5                   6,1 ; Anti-HCV: Reagente',
    'Cálcio total (mg/dL)         9,1                  8,4 a 10,2                  8,8',
  ].join('\n');
  const r = parseLabReport(text);
  const onRow = [...r.qualitative, ...r.analytes].some((a) => a.line === 5 && /reagente/i.test(String(a.value)));
  assert.ok(onRow || r.unparsed_lines.some((u) => /reagente/i.test(u)), JSON.stringify(brief(r)));
  assert.ok(brief(r).some((a) => a[0] === 'Fósforo' && a[1] === 5.9));
});

test("a gas analyser's section of values corrected for temperature repeats a result with no unit: read once", () => {
  const text = [
    'GASOMETRIA           Result.  Unid.   Faixa ref.',
    'pH                   7,33  ↓          7,35-7,45',
    'pCO2                 48,2  ↑  mmHg    35,0-45,0',
    '------------------------------------------------',
    'VALORES CORRIGIDOS P/ TEMP. 37,0 °C',
    'pH(T)                7,33',
    'pCO2(T)              48,2     mmHg',
  ].join('\n');
  const r = parseLabReport(text);
  assert.deepEqual(brief(r), [
    ['pH', 7.33, null, 'baixo'],
    ['pCO2', 48.2, 'mmHg', 'alto'],
  ]);
});
