// The realistic job mix of the load benches and unique inputs for each type (a counter is folded
// into every input, so nothing is answered from the cache and every model call really happens).
import { platePng } from '../../scripts/demo/png.ts';
import type { JobType } from '../../src/job-inputs/job-types.ts';

export const MIX: Array<[JobType, number]> = [
  ['sofia_image', 0.35],
  ['medical_exam', 0.15],
  ['unified_assistant', 0.25],
  ['meal_plan', 0.15],
  ['whatsapp_message', 0.1],
];

/** Deterministic: job i of a run always has the same type, so runs are comparable. */
export function typeFor(i: number): JobType {
  // Golden-ratio sequence: evenly spread over [0,1), no clumps of one type at the start.
  const u = (i * 0.6180339887498949) % 1;
  let acc = 0;
  for (const [type, share] of MIX) {
    acc += share;
    if (u < acc) return type;
  }
  return MIX.at(-1)![0];
}

const QUESTIONS = [
  'Quantas porções de fruta devo comer por dia?',
  'Posso trocar o arroz branco pelo integral no jantar?',
  'O que é um bom lanche antes da academia?',
  'Como reduzir o açúcar no café da manhã?',
  'Ovo todo dia faz mal para o colesterol?',
];

export function inputFor(type: JobType, n: number, runSalt: number): Record<string, unknown> {
  const k = runSalt * 1_000_003 + n;
  switch (type) {
    case 'sofia_image':
      return { image_base64: platePng(160, 120, 62, k).toString('base64'), meal_type: 'almoco' };
    case 'medical_exam': {
      const gl = 70 + (k % 80);
      const ct = 150 + (k % 120);
      const cr = (0.5 + (k % 90) / 100).toFixed(2).replace('.', ',');
      return {
        text: `LABORATÓRIO CARGA - ANÁLISES CLÍNICAS\nPedido ${k}\nEXAME   RESULTADO   VALOR DE REFERÊNCIA\nGLICOSE   ${gl} mg/dL   70 a 99 mg/dL\nCOLESTEROL TOTAL   ${ct} mg/dL   Inferior a 190 mg/dL\nCREATININA   ${cr} mg/dL   0,70 a 1,30 mg/dL\nTSH   2,1 µUI/mL   0,40 a 4,00 µUI/mL\n`,
      };
    }
    case 'unified_assistant':
      return { messages: [{ role: 'user', content: `${QUESTIONS[k % QUESTIONS.length]} (pergunta ${k})` }] };
    case 'meal_plan':
      // Two days: a WhatsApp "cardápio de N kcal" becomes a one-day, five-meal plan in the same
      // cache, and must never be the answer to one of these.
      return { kcal_target: 1200 + (k % 1800), meals_per_day: 3 + (k % 4), days: 2 };
    case 'whatsapp_message':
      return {
        from: `5511${String(900_000_000 + (k % 99_999_999)).slice(0, 9)}`,
        text: k % 2 === 0 ? `Monte um cardápio de ${1300 + (k % 1500)} kcal para 1 dia` : `${QUESTIONS[k % QUESTIONS.length]} (${k})`,
      };
    default:
      return {};
  }
}
