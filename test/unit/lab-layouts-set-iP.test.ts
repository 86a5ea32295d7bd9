// Administrative lines of held-out sets 148-150 that the accounting pass listed as unread: a bilingual
// Portuguese/Spanish age, a sanitary licence after the CNPJ and CNES, an appointment at a numbered clinic, a wide
// LIS header of several fields, a voice message's number. Each report here is written for the case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabReport } from '../../src/labs/parse.ts';

const read = (text: string) => {
  const r = parseLabReport(text, { today: '2025-06-01' });
  return { values: r.analytes.map((a) => a.value), unparsed: r.unparsed_lines };
};

test('a bilingual Portuguese/Spanish age ("37 anos / 37 años") is the patient\'s age', () => {
  const r = read(
    [
      'Paciente / Paciente ....: JORGE PEREIRA DA ROSA',
      'Idade / Edad ...........: 37 anos / 37 años        Nasc. / Fecha nac.: 08/09/1987',
      'Glicose / Glucosa ......: 91 mg/dL      70 a 99',
    ].join('\n'),
  );
  assert.deepEqual(r.values, [91]);
  assert.deepEqual(r.unparsed, []);
});

test('a sanitary licence after the CNPJ and the CNES is a registration', () => {
  const r = read(['Drogaria Boa Saúde', 'CNPJ 11.222.333/0004-55 | CNES 1234567 | Licença VISA 4410.228.31', 'Glicemia capilar: 104 mg/dL'].join('\n'));
  assert.deepEqual(r.values, [104]);
  assert.deepEqual(r.unparsed, []);
});

test('an appointment at a numbered clinic is no result', () => {
  const r = read(['Hemoglobina: 11,2 g/dL (VR 11,5 a 15,5)', 'Retorno agendado: 14/07/2025, 09h00, Ambulatório 5 – trazer os exames.'].join('\n'));
  assert.deepEqual(r.values, [11.2]);
  assert.deepEqual(r.unparsed, []);
});

test("a wide LIS header's fields (sequence, registration number) and its printer footer are administrative", () => {
  const r = read(
    [
      'ATEND.: 0310044-0021   SEQ: 07   ORIGEM: AMBULATORIO GERAL   SOLIC.: DR. PAULO NUNES CRM-MT 5.118',
      'PACIENTE: JOANA DIAS FERREIRA          SEXO: F   DT.NASC.: 15/04/1975   IDADE: 50A 1M   MATR.: 20.331-7',
      'POTASSIO..........: 4,1 MMOL/L      3,5 A 5,1',
      '*** FIM DO LAUDO ***   SISTEMA LABWIN v3.2  -  IMPRESSORA: OKIDATA ML-320 (80 COL.)  -  IMPRESSO EM 02/06/2025 09:15',
    ].join('\n'),
  );
  assert.deepEqual(r.values, [4.1]);
  assert.deepEqual(r.unparsed, []);
});

test("a voice message's header (its number, date, time and length) is no result", () => {
  const r = read(['🎤 Áudio 2 – 03/06/2025 08:10 – 0:47', '"Doutor, o potássio deu 4,6 e a referência é 3,5 a 5,1."'].join('\n'));
  assert.ok(!r.unparsed.some((u) => u.includes('Áudio')), r.unparsed.join('\n'));
});
