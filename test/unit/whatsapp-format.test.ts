import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatAssistant,
  formatExam,
  formatFoodAnalysis,
  formatMealPlan,
  routeWhatsappMessage,
  truncateForWhatsapp,
  WHATSAPP_MAX_CHARS,
} from '../../src/messaging/whatsapp-format.ts';
import { LAB_DISCLAIMER } from '../../src/labs/explain.ts';

const from = '5511999990000';

test('routing', () => {
  assert.equal(routeWhatsappMessage({ from, media: { mime: 'image/jpeg', url: 'https://x/y.jpg' } }), 'sofia_image');
  assert.equal(routeWhatsappMessage({ from, text: 'meu almoço', media: { mime: 'image/png', base64: 'AA==' } }), 'sofia_image');
  assert.equal(routeWhatsappMessage({ from, text: 'Resultado do meu EXAME de sangue', media: { mime: 'image/jpeg', url: 'https://x' } }), 'medical_exam');
  assert.equal(routeWhatsappMessage({ from, text: 'segue o laudo', media: { mime: 'image/webp', url: 'https://x' } }), 'medical_exam');
  assert.equal(routeWhatsappMessage({ from, media: { mime: 'application/pdf', url: 'https://x/l.pdf' } }), 'medical_exam');
  assert.equal(routeWhatsappMessage({ from, text: 'Monte um cardápio de 1800 kcal pra mim' }), 'meal_plan');
  assert.equal(routeWhatsappMessage({ from, text: 'quero um plano alimentar vegetariano' }), 'meal_plan');
  assert.equal(routeWhatsappMessage({ from, text: 'preciso de uma DIETA sem glúten' }), 'meal_plan');
  assert.equal(routeWhatsappMessage({ from, text: 'oi, tudo bem?' }), 'unified_assistant');
  assert.equal(routeWhatsappMessage({ from, media: { mime: 'audio/ogg', url: 'https://x' } }), 'unified_assistant');
  // Urgent symptoms go to the assistant, which owns the urgent answer, even in a diet request.
  assert.equal(routeWhatsappMessage({ from, text: 'quero uma dieta, mas estou com dor no peito' }), 'unified_assistant');
});

test('truncation keeps ≤ 4096 characters and ends cleanly with …', () => {
  const long = Array.from({ length: 1000 }, (_, i) => `palavra${i}`).join(' ');
  const t = truncateForWhatsapp(long);
  assert.ok(t.length <= WHATSAPP_MAX_CHARS);
  assert.ok(t.endsWith('…'));
  assert.match(t.slice(0, -1), /palavra\d+$/); // cut between words
  assert.equal(truncateForWhatsapp('curto'), 'curto');
  const emoji = '😀'.repeat(5000);
  assert.equal(Array.from(truncateForWhatsapp(emoji)).length, WHATSAPP_MAX_CHARS); // never splits a surrogate pair
});

test('food analysis: bold title, partial total when TACO lacks a value, no markup injection', () => {
  const text = formatFoodAnalysis({
    foods: [
      { name: 'Arroz *branco*', grams: 120, kcal: 154 },
      { name: 'Café com leite', grams: 200, kcal: null },
    ],
    totals: { kcal: 163, protein_g: 4.4, carbs_g: 35.2, fat_g: 0.3, incomplete: ['kcal'] },
    comment: 'Boa combinação!',
  });
  assert.match(text, /^🍽️ \*Análise da refeição\*/);
  assert.match(text, /• Arroz branco \(~120 g\): 154 kcal/);
  assert.match(text, /Café com leite \(~200 g\): energia não disponível/);
  assert.match(text, /\*Total \(parcial\):\* 163 kcal/);
  assert.match(text, /Proteínas 4,4 g/);
  assert.match(text, /TACO/);
});

test('exam: abnormal first, in bold, and the disclaimer survives truncation', () => {
  const analytes = Array.from({ length: 400 }, (_, i) => ({ name: `Analito ${i}`, value: 1.5, unit: 'mg/dL', flag: 'normal' as const }));
  analytes.push({ name: 'Glicose', value: 112, unit: 'mg/dL', flag: 'alto' as never });
  const text = formatExam({ analytes, disclaimer: LAB_DISCLAIMER });
  assert.ok(text.length <= WHATSAPP_MAX_CHARS);
  assert.match(text, /🧪 \*Seu exame\*\n\n🔺 Glicose: \*112 mg\/dL\* \(alto\)/);
  assert.ok(text.endsWith(`_${LAB_DISCLAIMER}_`));
});

test('meal plan and assistant replies', () => {
  const plan = formatMealPlan({
    days: [
      {
        day: 1,
        meals: [
          {
            name: 'Almoço',
            items: [
              { name: 'Arroz branco cozido', grams: 150 },
              { name: 'Feijão carioca cozido', grams: 100 },
            ],
            totals: { kcal: 268 },
          },
        ],
        totals: { kcal: 2003, protein_g: 99.6, carbs_g: 251, fat_g: 66.2 },
      },
    ],
    tips: ['Beba água'],
  });
  assert.match(plan, /\*Dia 1\* — 2\.003 kcal \(P 100 g · C 251 g · G 66 g\)/);
  assert.match(plan, /_Almoço_: Arroz branco cozido 150 g, Feijão carioca cozido 100 g/);
  assert.match(plan, /\*Dicas\*\n• Beba água/);
  assert.equal(formatAssistant('Use **negrito** assim'), 'Use *negrito* assim');
  assert.match(formatAssistant('   '), /não consegui responder/);
  assert.ok(formatAssistant('x'.repeat(10000)).length <= WHATSAPP_MAX_CHARS);
});
