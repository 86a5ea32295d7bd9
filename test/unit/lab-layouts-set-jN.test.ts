// Texts that reach the parser still encoded (held-out sets 160 and 162): an e-mail's raw source in
// quoted-printable, a portal's UTF-8 export read as Windows-1252, a raw RTF file, a PDF's bold drawn by
// doubling each glyph. One focused case each, with names and values of their own. No database, no model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';
import { rowsWithUnits as brief } from '../support/lab-rows.ts';
import { mojibakeMended } from '../../src/labs/mojibake.ts';

const opts = { sex: 'M' as const, birthDate: '1975-02-10', today: '2025-06-01' };

const MAIL = [
  'Delivered-To: paciente.exemplo@example.com',
  'Received: by 2002:a05:6a10:11c2:b0:3f0:1a2b:9c8d with SMTP id x77csp99812;',
  '        Mon, 3 Mar 2025 09:10:11 -0800 (PST)',
  'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=lab.example; s=k1; t=1740000000;',
  '\tbh=Zx81Ab2Cd3Ef4Gh5Ij6Kl7Mn8Op9Qr0St1Uv2Wx3Yz4=;',
  'From: =?UTF-8?Q?Laborat=C3=B3rio_Exemplo?= <laudos@lab.example>',
  'Subject: =?UTF-8?Q?Resultados_dispon=C3=ADveis?=',
  'Message-ID: <20250303171011.4411.7781@lab.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="=_XYZ_41a9"',
  '',
  'This is a multi-part message in MIME format.',
  '',
  '--=_XYZ_41a9',
  'Content-Type: text/plain; charset="UTF-8"',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Paciente: RAIMUNDO NONATO FREIRE   Sexo: Masculino',
  'Ur=C3=A9ia ............ 38 mg/dL     (VR: 15 a 45)',
  'S=C3=B3dio ............ 141 mEq/L   (VR: 135 a 145)',
  'Pot=C3=A1ssio ......... 4,',
  '6 mEq/L   (VR: 3,5 a 5,1)',
  'Magn=C3=A9sio ......... 2,1 mg/dL   (VR: 1,6 a 2,6)',
  'VR =3D valor de refer=C3=AAncia',
  '',
  '--=_XYZ_41a9',
  'Content-Type: text/html; charset="UTF-8"',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '<table><tr><td>Ur=C3=A9ia</td><td>38 mg/dL</td><td>15 a 45</td></tr><tr><td>S=C3=',
  '=B3dio</td><td>141 mEq/L</td><td>135 a 145</td></tr></table>',
  '',
  '--=_XYZ_41a9',
  'Content-Type: application/pdf; name="laudo.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  'JVBERi0xLjcKJeLjz9MKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgL01l',
  'dGFkYXRhIDMgMCBSID4+CmVuZG9iagoyIDAgb2JqCjw8IC9UeXBlIC9QYWdlcyAvS2lkcyBbNCAw',
  '[... anexo omitido ...]',
  '--=_XYZ_41a9--',
];

test("an e-mail's raw source: quoted-printable decoded, soft breaks joined, headers, HTML repeat and base64 neither read nor listed", () => {
  // The soft break cut "4,6" as "4,=" / "6": the decoded line is read on its first printed line.
  const lines = [...MAIL];
  lines[20] = 'Pot=C3=A1ssio ......... 4,=';
  const r = parseLabReport(lines.join('\n'), opts);
  assert.deepEqual(brief(r), [
    ['Ureia', 38, 'mg/dL', 'normal'],
    ['Sódio', 141, 'mEq/L', 'normal'],
    ['Potássio', 4.6, 'mEq/L', 'normal'],
    ['Magnésio', 2.1, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  assert.equal(r.analytes.find((a) => a.name === 'Ureia')!.line, 18);
  assert.equal(r.analytes.find((a) => a.name === 'Potássio')!.line, 20);
});

test("an e-mail's raw source: a line the decoded text leaves unread is listed as printed, the lines joined to it too", () => {
  const lines = [...MAIL];
  lines[20] = 'Obs.: confirmado em nova dosagem, 4,=';
  lines[21] = '6 vezes acima do esperado.';
  const r = parseLabReport(lines.join('\n'), opts);
  assert.ok(r.unparsed_lines.includes('Obs.: confirmado em nova dosagem, 4,='), JSON.stringify(r.unparsed_lines));
  assert.ok(r.unparsed_lines.includes('6 vezes acima do esperado.'), JSON.stringify(r.unparsed_lines));
});

test("an e-mail's raw source: a value added after a column gap to a header or a base64 line is read or listed", () => {
  const lines = [...MAIL];
  lines[8] = 'MIME-Version: 1.0   Creatinina 0,9 mg/dL';
  lines[37] = `${lines[37]}   Ferritina 88 ng/mL`;
  const r = parseLabReport(lines.join('\n'), opts);
  const values = r.analytes.map((a) => a.value);
  for (const v of [0.9, 88]) assert.ok(values.includes(v) || r.unparsed_lines.some((u) => u.includes(String(v).replace('.', ','))), `${v}`);
});

test("a portal's UTF-8 export read as Windows-1252: names, units and dashes mended, columns back in place", () => {
  const utf8AsCp1252 = (s: string) => {
    const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
    return [...new TextEncoder().encode(s)].map((b) => (b < 0x80 || b >= 0xa0 ? String.fromCharCode(b) : high[b - 0x80])).join('');
  };
  const text = [
    'EXAME                         RESULTADO   UNIDADE       REFERÊNCIA',
    'Eritrócitos                   4,95        milhões/mm³   4,30 – 5,70',
    'Ácido fólico                  3,1         ng/mL         ≥ 3,9',
    'Índice de saturação           41          %             20 – 50',
  ]
    .map(utf8AsCp1252)
    .join('\n');
  assert.match(text, /Ã/);
  const r = parseLabReport(text, opts);
  assert.deepEqual(brief(r), [
    ['Hemácias', 4.95, 'milhões/mm³', 'normal'],
    ['Ácido fólico', 3.1, 'ng/mL', 'baixo'],
    ['Índice de saturação', 41, '%', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});

test('accented text written right is left as printed', () => {
  const lines = ['Ácido úrico – 5,1 µmol/L ± 0,2 (≥ 3,4), coleção ÃO', 'Â Ã ãé'];
  assert.equal(mojibakeMended(lines), lines);
});

test('a raw RTF file: control words, escapes and cell widths set aside, table cells read as columns', () => {
  const text = [
    '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}}',
    '{\\colortbl ;\\red0\\green0\\blue0;\\red200\\green0\\blue0;}',
    '{\\*\\generator Riched20 10.0.22621}\\viewkind4\\uc1',
    '\\pard\\f0\\fs18 Paciente: \\b OTAVIO MENDES\\b0\\tab Sexo: Masculino\\par',
    "\\pard\\qc\\b BIOQU\\'cdMICA\\b0\\par",
    '\\trowd\\trgaph70\\cellx3000\\cellx4800\\cellx6200\\cellx9000',
    "\\pard\\intbl \\b Exame\\b0\\cell \\pard\\intbl \\b Resultado\\b0\\cell \\pard\\intbl \\b Unidade\\b0\\cell \\pard\\intbl \\b Refer\\'eancia\\b0\\cell \\row",
    '\\trowd\\trgaph70\\cellx3000\\cellx4800\\cellx6200\\cellx9000',
    "\\pard\\intbl \\cf2 Pot\\'e1ssio\\cf1\\cell \\pard\\intbl \\cf2 5,8\\cf1\\cell \\pard\\intbl mEq/L\\cell \\pard\\intbl 3,5 a 5,1\\cell \\row",
    '\\trowd\\trgaph70\\cellx3000\\cellx4800\\cellx6200\\cellx9000',
    "\\pard\\intbl C\\'e1lcio total\\cell \\pard\\intbl 9,3\\cell \\pard\\intbl mg/dL\\cell \\pard\\intbl 8,6 a 10,3\\cell \\row",
    '}',
  ].join('\n');
  const r = parseLabReport(text, opts);
  assert.deepEqual(brief(r), [
    ['Potássio', 5.8, 'mEq/L', 'alto'],
    ['Cálcio', 9.3, 'mg/dL', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
  assert.equal(r.analytes[0]!.line, 8);
});

test("a PDF's bold drawn by doubling each glyph: the doubled name and value are read once, the columns kept", () => {
  const text = [
    '  Exame                                  Resultado  Unidade        Referência',
    '  Ureia                                         31  mg/dL          15 a 45',
    '  PPoottáássssiioo                              55,,99  mEq/L          3,5 a 5,1',
    '  CCáállcciioo  iioonniiccoo                          11,,4488  mmol/L         1,15 a 1,32',
    '  Sódio                                        140  mEq/L          135 a 145',
  ].join('\n');
  const r = parseLabReport(text, opts);
  assert.deepEqual(brief(r), [
    ['Ureia', 31, 'mg/dL', 'normal'],
    ['Potássio', 5.9, 'mEq/L', 'alto'],
    ['Cálcio ionico', 1.48, 'mmol/L', 'alto'],
    ['Sódio', 140, 'mEq/L', 'normal'],
  ]);
  assert.deepEqual(r.unparsed_lines, []);
});
