// The emulators' canned sentences follow the request's topic (src/dev/emulators/content.ts): the
// prompts here are the handlers' own instructions, so a meal plan's tips never read like a lab report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { portugueseText, topicOf } from '../../src/dev/emulators/content.ts';
import { sha256 } from '../../src/dev/emulators/common.ts';

const MEAL_PLAN = 'Você é nutricionista de um app brasileiro de saúde. Dê até 3 dicas práticas e curtas para quem vai seguir o cardápio descrito.';
const LAB = 'Você explica resultados de exames laboratoriais para leigos, em português do Brasil.';
const FOOD = 'Você é Sofia, nutricionista virtual de um app brasileiro de saúde. Escreva um comentário curto sobre a refeição descrita.';
const CHAT = 'Você é o assistente de saúde de um app brasileiro (nutrição, exames, hábitos).\nO que posso comer no jantar?';

test('each handler prompt gets its own topic', () => {
  assert.deepEqual([MEAL_PLAN, LAB, FOOD, CHAT].map(topicOf), ['meal_plan', 'lab', 'food', 'chat']);
});

test('meal-plan tips never speak of reports, references or medication; lab text never of the plate', () => {
  for (let i = 0; i < 200; i++) {
    const tips = portugueseText(sha256(`m${i}`), MEAL_PLAN);
    assert.doesNotMatch(tips, /laudo|referência|exame|medica/i, tips);
    const lab = portugueseText(sha256(`l${i}`), LAB);
    assert.doesNotMatch(lab, /prato|arroz|cardápio/i, lab);
    const food = portugueseText(sha256(`f${i}`), FOOD);
    assert.doesNotMatch(food, /laudo|medica|exame/i, food);
  }
});

test('no sentence repeats within one answer, and the choice is deterministic', () => {
  for (let i = 0; i < 200; i++) {
    const text = portugueseText(sha256(`x${i}`), CHAT);
    const sentences = text.split(/(?<=\.)\s/);
    assert.equal(new Set(sentences).size, sentences.length, text);
    assert.equal(portugueseText(sha256(`x${i}`), CHAT), text);
  }
});
