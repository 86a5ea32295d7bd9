import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectUrgency, URGENT_ANSWER } from '../src/assistant/urgency.ts';

const urgent: Array<[string, string]> = [
  ['Estou com uma DOR NO PEITO muito forte', 'cardiac'],
  ['dor no peito do pé', 'cardiac'],
  ['estou com dor no peito que vai para o braço esquerdo', 'cardiac'],
  ['não sei se é dor no peito ou gases', 'cardiac'],
  ['Falta de ar intensa desde ontem', 'breathing'],
  ['não consigo respirar direito', 'breathing'],
  ['minha mãe ficou com o rosto torto', 'stroke'],
  ['ele está com fraqueza de um lado do corpo', 'stroke'],
  ['minha avó está com a fala enrolada', 'stroke'],
  ['acho que é um AVC', 'stroke'],
  ['Desmaiei no banheiro agora', 'fainting'],
  ['sangramento intenso que não para', 'bleeding'],
  ['Quero morrer', 'suicide'],
  ['às vezes penso em me matar', 'suicide'],
  ['não aguento mais viver assim', 'suicide'],
  ['QUERO ME MATAR', 'suicide'],
  ['tomei uma cartela inteira de remédio', 'overdose'],
  ['acho que foi overdose', 'overdose'],
  ['minha garganta está fechando depois do camarão', 'allergy'],
  ['meu filho está tendo uma convulsão', 'seizure'],
];

for (const [text, category] of urgent) {
  test(`urgent: "${text}"`, () => {
    const r = detectUrgency(text);
    assert.equal(r.urgent, true);
    assert.ok(r.categories.includes(category as never), `categories ${r.categories.join(',')}`);
  });
}

const calm = [
  'não tenho dor no peito',
  'Não tenho dor no peito, só cansaço',
  'sem falta de ar intensa, só tosse',
  'nunca pensei em me matar',
  'não quero morrer, só quero emagrecer',
  'quero um cardápio de 1800 kcal',
  'meu exame de colesterol deu alto, o que significa?',
  'o peito de frango grelhado tem quantas calorias?',
  'tenho falta de ar leve quando subo escada',
  'minha dieta está me deixando com fome',
];

for (const text of calm) {
  test(`not urgent: "${text}"`, () => {
    assert.deepEqual(detectUrgency(text), { urgent: false, categories: [], matched: [] });
  });
}

test('a negation reaches only its own clause', () => {
  const r = detectUrgency('não tenho dor no peito, mas estou com falta de ar intensa');
  assert.deepEqual(r.categories, ['breathing']);
});

test('the urgent answer names SAMU 192, CVV 188, 190 and 193', () => {
  for (const s of ['192', 'SAMU', '188', 'CVV', '190', '193']) assert.ok(URGENT_ANSWER.includes(s), s);
});
