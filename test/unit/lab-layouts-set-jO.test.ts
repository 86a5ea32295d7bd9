// Held-out set 161 (h1583, h1585): two machine formats printed whole, an ASTM E1394 / LIS2-A2 interface log and
// a FHIR R4 Bundle in JSON. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport, reportPatient } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';

test('an ASTM E1394 log: each R record is read as its row, frames, controls and admin records are no text', () => {
  const text = [
    'LOG DO MIDDLEWARE — ASTM E1394',
    '[10:01:00.100] <- <ENQ>',
    '[10:01:00.120] -> <ACK>',
    '[10:01:00.140] <- <STX>1H|\\^&|||AU480^01^7731|||||||P|LIS2-A2|20250301100100<CR><ETX>A1<CR><LF>',
    '[10:01:00.160] -> <ACK>',
    '[10:01:00.180] <- <STX>2P|1||PAC-771||COSTA^MARINA^||19850411|F<CR><ETX>3C<CR><LF>',
    '[10:01:00.200] <- <STX>3O|1|7781^01^SORO||^^^ALB\\^^^TGO|R|20250301090000|||||N||||S<CR><ETX>5D<CR><LF>',
    '[10:01:00.220] <- <STX>4R|1|^^^ALB^Albumina|3.1|g/dL|3.5 to 5.2|L||F||||20250301095500<CR><ETX>E4<CR><LF>',
    '[10:01:00.240] <- <STX>5R|2|^^^TGO^TGO|88|U/L|5 to 34|H||F||||20250301095500<CR><ETX>0B<CR><LF>',
    '[10:01:00.260] <- <STX>6R|3|^^^TGP^TGP|21|U/L|0 to 55|N||F||||20250301095500<CR><ETX>9A<CR><LF>',
    '[10:01:00.280] <- <STX>7R|4|^^^AMY^Amilase||U/L|28 to 100|||X||||20250301095500<CR><ETX>C2<CR><LF>',
    '[10:01:00.300] <- <STX>0C|1|I|AMY: amostra hemolisada^Teste nao realizado|G<CR><ETX>77<CR><LF>',
    '[10:01:00.320] <- <STX>1L|1|N<CR><ETX>05<CR><LF>',
    '[10:01:00.340] <- <EOT>',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Albumina', 3.1, 'g/dL', 'baixo'],
    ['TGO (AST)', 88, 'U/L', 'alto'],
    ['TGP (ALT)', 21, 'U/L', 'normal'],
  ]);
  assert.equal(reportPatient(text).sex, 'F');
  for (const u of r.unparsed_lines) assert.doesNotMatch(u, /<ACK>|<ENQ>|<EOT>|\d[HPOL]\|/);
});

test('an ASTM record split over two frames (<ETB>) is read whole', () => {
  const text = [
    '<STX>1H|\\^&|||CA-600<CR><ETX>11<CR><LF>',
    '<STX>2R|1|^^^PT^Tempo de protrombina|13.9|s|11.0 to 13.5|H||<ETB>4F<CR><LF>',
    '<STX>3F||||20250301<CR><ETX>2A<CR><LF>',
    '<STX>4L|1|N<CR><ETX>05<CR><LF>',
  ].join('\n');
  const r = parseLabReport(text, { sex: 'M', birthDate: '1960-01-01', today: '2025-06-01' });
  assert.deepEqual(brief(r), [['Tempo de protrombina', 13.9, 's', 'alto']]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('a FHIR R4 Bundle: Observations with a value are rows, a panel and a cancelled one are not; Patient gives sex', () => {
  const text = [
    'Recurso enviado (FHIR R4)',
    '{',
    '  "resourceType": "Bundle",',
    '  "entry": [',
    '    { "resource": { "resourceType": "Patient", "gender": "male", "birthDate": "1955-02-14" } },',
    '    { "resource": {',
    '        "resourceType": "Observation", "status": "final",',
    '        "code": { "coding": [ { "system": "http://loinc.org", "code": "24331-1", "display": "Perfil lipídico" } ] },',
    '        "hasMember": [ { "reference": "urn:uuid:o1" } ] } },',
    '    { "fullUrl": "urn:uuid:o1", "resource": { "resourceType": "Observation", "status": "final",',
    '        "code": { "coding": [ { "system": "http://loinc.org", "code": "2093-3", "display": "Ácido úrico" } ] },',
    '        "valueQuantity": { "value": 8.3, "unit": "mg/dL" },',
    '        "referenceRange": [ { "low": { "value": 3.5 }, "high": { "value": 7.2 } } ],',
    '        "interpretation": [ { "coding": [ { "code": "H" } ] } ] } },',
    '    { "resource": { "resourceType": "Observation", "status": "final",',
    '        "code": { "text": "Potássio" },',
    '        "valueQuantity": { "value": 4.1, "unit": "mmol/L" },',
    '        "referenceRange": [ { "low": { "value": 3.5 }, "high": { "value": 5.1 }, "text": "3,5 a 5,1" } ] } },',
    '    { "resource": { "resourceType": "Observation", "status": "cancelled",',
    '        "code": { "coding": [ { "display": "Vitamina B12" } ] },',
    '        "dataAbsentReason": { "text": "Amostra insuficiente" } } },',
    '    { "resource": { "resourceType": "Observation", "status": "final",',
    '        "code": { "coding": [ { "code": "5196-1", "display": "Anti-HBs" } ] },',
    '        "valueCodeableConcept": { "text": "Não reagente" },',
    '        "referenceRange": [ { "text": "Não reagente" } ] } }',
    '  ]',
    '}',
  ].join('\n');
  const r = parseLabReport(text, { today: '2025-06-01' });
  assert.deepEqual(brief(r), [
    ['Ácido úrico', 8.3, 'mg/dL', 'alto'],
    ['Potássio', 4.1, 'mmol/L', 'normal'],
    ['Anti-HBs', 'Não reagente', null, 'normal'],
  ]);
  assert.equal(reportPatient(text).sex, 'M');
  assert.deepEqual(r.unparsed_lines, []);
});
