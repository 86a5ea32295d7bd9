// The deterministic urgency detector, rule by rule: normalisation, coverage, the context that
// removes or keeps an alarm, numbers, and the answer by category. The corpus-wide figures are in
// urgency-corpus.test.ts; the model's second opinion in urgency-triage.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectUrgency, prepare, urgentAnswer, URGENT_ANSWER, URGENCY_CATEGORIES, type UrgencyCategory } from '../../src/assistant/urgency.ts';
import { fold, phoneticKey } from '../../src/assistant/normalise.ts';

const urgent: Array<[string, UrgencyCategory]> = [
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
  ['Desmaiei no banheiro agora', 'unconscious'],
  ['sangramento intenso que não para', 'bleeding'],
  ['Quero morrer', 'suicide'],
  ['às vezes penso em me matar', 'suicide'],
  ['não aguento mais viver assim', 'suicide'],
  ['QUERO ME MATAR', 'suicide'],
  ['tomei uma cartela inteira de remédio', 'poisoning'],
  ['acho que foi overdose', 'poisoning'],
  ['minha garganta está fechando depois do camarão', 'anaphylaxis'],
  ['meu filho está tendo uma convulsão', 'seizure'],
  ['minha glicose deu 41', 'hypoglycaemia'],
  ['glicemia 560 e vomitando', 'hyperglycaemia'],
  ['o glicosímetro só mostra HI', 'hyperglycaemia'],
  ['saturação 87 no oxímetro', 'breathing'],
  ['meu bebê de 1 mês está com febre', 'child_danger'],
  ['meu marido está me batendo', 'violence'],
];

for (const [text, category] of urgent) {
  test(`urgent (${category}): "${text}"`, () => {
    const r = detectUrgency(text);
    assert.equal(r.urgent, true, `rules ${r.matched.join(',')}`);
    assert.ok(r.categories.includes(category), `categories ${r.categories.join(',')}`);
    assert.equal(r.category, r.categories[0]);
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
  'quais são os sinais de um AVC?',
  'desmaiei ano passado por causa de jejum',
  'to morrendo de fome',
  'esse treino me matou',
  'morri de rir com esse vídeo',
  'glicose 95 em jejum',
  'saturação 97',
];

for (const text of calm) {
  test(`not urgent: "${text}"`, () => {
    assert.deepEqual(detectUrgency(text), { urgent: false, categories: [], category: null, matched: [] });
  });
}

test('a negation reaches only its own clause', () => {
  const r = detectUrgency('não tenho dor no peito, mas estou com falta de ar intensa');
  assert.deepEqual(r.categories, ['breathing']);
});

test('doubt keeps the alarm; a negation does not cross "não sei se"', () => {
  assert.equal(detectUrgency('não sei se é um infarto').urgent, true);
  assert.equal(detectUrgency('não é infarto').urgent, false);
});

test('now wins over a past marker: an old event that is back is urgent', () => {
  assert.equal(detectUrgency('tive convulsão quando criança').urgent, false);
  assert.equal(detectUrgency('tive convulsão quando criança e agora começou de novo').urgent, true);
});

test('an information question is calm; the same words about someone now are not', () => {
  assert.equal(detectUrgency('o que fazer quando alguém desmaia?').urgent, false);
  assert.equal(detectUrgency('o que fazer? minha mãe desmaiou').urgent, true);
  assert.equal(detectUrgency('como saber se estou tendo um infarto?').urgent, true);
  // Asking what to take for a symptom means someone has it.
  assert.equal(detectUrgency('qual remédio tomar para dor no peito?').category, 'cardiac');
});

test('idioms are masked, the literal sense is not', () => {
  assert.equal(detectUrgency('to morrendo de rir').urgent, false);
  assert.equal(detectUrgency('meu chefe vai me matar se eu atrasar').urgent, false);
  assert.equal(detectUrgency('ele disse que vai me matar, está com uma faca').urgent, true);
});

test('numbers count: glucose and saturation thresholds', () => {
  assert.equal(detectUrgency('glicose 54').category, 'hypoglycaemia');
  assert.equal(detectUrgency('glicose 70').urgent, false);
  assert.equal(detectUrgency('glicose 299').urgent, false);
  assert.equal(detectUrgency('glicose 300').category, 'hyperglycaemia');
  assert.equal(detectUrgency('saturação 91').category, 'breathing');
  assert.equal(detectUrgency('saturação 95').urgent, false);
  // A number that is not a reading: a plan of 1500 kcal for a diabetic is calm.
  assert.equal(detectUrgency('glicose: quero um cardápio de 1500 kcal').urgent, false);
});

test('normalisation: accents, case, stretched letters, WhatsApp abbreviations, misspellings', () => {
  assert.equal(fold('DÓÓÓR no PEITOOOO'), 'dor no peito');
  assert.equal(prepare('vc acha q eh infarto? to c dor no pieto'), 'voce acha que eh infarto? estou com dor no peito');
  assert.equal(prepare('n consigo respira'), 'nao consigo respira');
  assert.equal(detectUrgency('n consigo respira').category, 'breathing');
  assert.equal(phoneticKey('inxado'), phoneticKey('inchado'));
  assert.equal(phoneticKey('glicoze'), phoneticKey('glicose'));
  assert.equal(prepare('gargata'), 'garganta', 'a dropped letter');
  // Ordinary words one letter away from a symptom are left alone.
  assert.equal(prepare('nunca feito'), 'nunca feito');
  assert.equal(detectUrgency('socorrooo meu pai ta com dor no peitooo').urgent, true);
});

test('the result names rules and categories, never the words of the message', () => {
  const secret = 'Maria Aparecida da Silva, CPF 123, sente dor no peito forte agora';
  const r = detectUrgency(secret);
  assert.equal(r.urgent, true);
  const serialised = JSON.stringify(r);
  for (const w of ['maria', 'aparecida', 'silva', '123', 'peito', 'forte']) assert.ok(!serialised.toLowerCase().includes(w), w);
  for (const id of r.matched) assert.match(id, /^[a-z_]+\.[a-z_]+$/);
});

test('every category has its own answer, naming the right number first', () => {
  const first: Partial<Record<UrgencyCategory, RegExp>> = { suicide: /188/, poisoning: /0800 722 6001/, violence: /190/, hypoglycaemia: /15 g de açúcar/ };
  for (const c of URGENCY_CATEGORIES) {
    const answer = urgentAnswer([c]);
    const firstStep = answer.split('\n').find((l) => l.startsWith('• '))!;
    assert.match(firstStep, first[c] ?? /SAMU 192/, c);
    assert.ok(answer.length < 700, `${c}: short (${answer.length} chars)`);
    assert.match(answer, /não substituo atendimento médico/);
  }
  assert.match(urgentAnswer(['poisoning']), /192/, 'poisoning: then SAMU');
  assert.match(urgentAnswer(['hypoglycaemia']), /192/, 'hypoglycaemia: SAMU when not better or not awake');
  assert.match(urgentAnswer(['suicide']), /CVV/);
});

test('several categories: the most pressing leads, the other numbers follow once', () => {
  const r = detectUrgency('ele me bateu e estou sangrando muito');
  assert.deepEqual(r.categories, ['violence', 'bleeding']);
  const answer = urgentAnswer(r.categories);
  assert.ok(answer.indexOf('190') < answer.indexOf('192'));
  assert.equal(answer.match(/SAMU 192/g)?.length ?? 0, 1);
});

test('no category: the generic answer with every number', () => {
  assert.equal(urgentAnswer([]), URGENT_ANSWER);
  for (const s of ['192', 'SAMU', '188', 'CVV', '190', '193']) assert.ok(URGENT_ANSWER.includes(s), s);
});

test('work per message is bounded: long messages are read head and tail, run-on sentences are cut', async () => {
  const { MAX_CHARS, MAX_SENTENCE } = await import('../../src/assistant/urgency.ts');
  const runOn = 'dor dor peito muito forte barriga '.repeat(3000);
  const prepared = prepare(runOn);
  assert.ok(prepared.length <= MAX_CHARS + 10, `${prepared.length}`);
  assert.ok(
    prepared.split('\n').every((s) => s.length <= MAX_SENTENCE),
    'no sentence longer than the bound',
  );
  // An emergency at the end of a long, calm story is still read.
  const story = 'Hoje fui ao mercado com a minha mãe e depois almoçamos em casa. '.repeat(400);
  assert.equal(detectUrgency(`${story} Agora ela caiu e não acorda.`).category, 'unconscious');
  assert.equal(detectUrgency(story).urgent, false);
});
