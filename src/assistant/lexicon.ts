// What triage nurses look for, written as rules over normalised text (see normalise.ts: no accents,
// abbreviations expanded, "tô" → "estou", "tá" → "esta", "pra" → "para").
//
// A rule fires when every one of its parts is found (in the same sentence when `scope` is
// 'sentence', anywhere in the message otherwise) and at least one occurrence of each part survives
// the context checks (negation, information question, past or treated event — context.ts).
// Gaps inside a part never cross punctuation: "dor, peito" is two clauses, not one symptom.
// Rules are grouped by category; the category picks the answer (answers.ts).

export const URGENCY_CATEGORIES = [
  'cardiac',
  'breathing',
  'stroke',
  'unconscious',
  'bleeding',
  'suicide',
  'poisoning',
  'anaphylaxis',
  'seizure',
  'hypoglycaemia',
  'hyperglycaemia',
  'meningitis',
  'acute_abdomen',
  'burn',
  'heat_stroke',
  'sepsis',
  'child_danger',
  'violence',
] as const;
export type UrgencyCategory = (typeof URGENCY_CATEGORIES)[number];

export interface RulePart {
  re: RegExp;
  /** Extra test on the match (numbers: a glucose of 40, a saturation of 86). */
  when?: (m: RegExpExecArray, text: string) => boolean;
}

export interface Rule {
  id: string;
  category: UrgencyCategory;
  parts: RulePart[];
  scope?: 'sentence' | 'message';
  /** The sentence of the first part says this is mild ("leve", "só ficou vermelho"). */
  unless?: RegExp;
}

const G = (n: number) => `(?: [a-z0-9]+){0,${n}} `;
/** a and b within n words of each other, either order, inside one clause. */
function near(a: string, b: string, n: number): RegExp {
  return new RegExp(`\\b(?:${a})\\b${G(n)}(?:${b})\\b|\\b(?:${b})\\b${G(n)}(?:${a})\\b`, 'g');
}
/** a then b within n words. */
function then(a: string, b: string, n: number): RegExp {
  return new RegExp(`\\b(?:${a})\\b${G(n)}(?:${b})\\b`, 'g');
}
function words(s: string): RegExp {
  return new RegExp(`\\b(?:${s})\\b`, 'g');
}
const P = (re: RegExp, when?: RulePart['when']): RulePart => (when ? { re, when } : { re });

// ---- shared vocabulary -------------------------------------------------------------------------
const PAIN =
  'coisa ruim|coisa estranha|sensacao ruim|sensacao estranha|mal estar|elefante|dor|dores|doi|doendo|doe|dolorid[oa]|aperto|apertad[oa]|apertando|aperta|pressao|queimacao|queimando|ardencia|ardendo|pontadas?|agonia|desconforto|pesad[oa]|peso|facada';
const STRONG = 'muito forte|forte|fortissima|fortissimo|insuportavel|intensa|intenso|aguda|terrivel|horrivel|demais|absurda|enorme|pior';
const CHILD = 'bebe|bebes|crianca|criancas|filh[oa]|filhinh[oa]|sobrinh[oa]|net[oa]|menin[oa]|recem nascid[oa]|nenem|guri|moleque';
const SYMPTOM_CONFUSION =
  'confus[oa]|confusao|delirando|delirio|desorientad[oa]|falando coisa sem sentido|falando coisas sem sentido|coisa sem sentido|nao (?:esta )?falando coisa com coisa|nao fala coisa com coisa';
const INGEST =
  'mordeu|mordi|bebeu|bebi|beberam|beber|tomou|tomei|tomaram|tomo|tomar|engolir|engoliu|engoli|engoliram|ingeriu|ingeri|comeu|comi|mastigou|chupou|lambeu';
const CHEMICAL =
  'agua sanitaria|candida|cloro|alvejante|desinfetante|soda caustica|soda|detergente|amaciante|querosene|gasolina|thinner|solvente|removedor|acetona|veneno|chumbinho|raticida|agrotoxicos?|inseticida|pesticida|herbicida|formicida|mata rato|mata barata|produtos? de limpeza|produtos? quimicos?|acido|naftalina|creolina|pinho sol|sabao|capsula de sabao|lava roupas?|lava loucas|lysoform|veja|diabo verde|limpa forno|alcool (?:gel|70|de limpeza)';
const MEDICINE =
  'comprimidos?|remedios?|pilulas?|capsulas?|cartela|cartelas|xarope|medicamentos?|medicacao|paracetamol|tylenol|dipirona|rivotril|clonazepam|diazepam|fluoxetina|sertralina|amitriptilina|antidepressivos?|calmantes?|insulina|gotas|frasco|vidro|caixa|doses?';
const QUANTITY =
  'muitos|muitas|varios|varias|todos|todas|toda|todo|inteir[oa]|um monte|monte de|cartelas?|frascos?|vidros?|caixas?|tudo|overdose|dose da semana|dobro|triplo|excesso|nao sei quantos|nao sei quantas|sei la quantos|[2-9][0-9]|1[0-9]|[1-9][0-9][0-9]';
const GLUCOSE_WORD = 'glicose|glicemia|glicosimetro|dextro|glico|glicemias|glicemia capilar|hgt|acucar no sangue|medidor|aparelho|sensor|libre';
const DIABETES_CONTEXT = /\b(diabet\w*|glic\w*|insulina|dextro|hgt|acucar no sangue|hipoglicemia|hiperglicemia|tipo 1|tipo 2|dm1|dm2)\b/;
const UNIT_AFTER =
  /^ ?(kcal|calorias|anos|ano|meses|mes|dias|dia|horas|hora|h|minutos|min|semanas|kg|quilos|%|porcento|por cento|ml|mg de|reais|graus|vezes|unidades|ui)\b/;

function glucoseValue(m: RegExpExecArray, text: string): number | null {
  const n = Number(m[1] ?? m[2]);
  if (!Number.isFinite(n)) return null;
  const after = text.slice(m.index + m[0].length);
  if (UNIT_AFTER.test(after)) return null;
  if (/\b(medidor|aparelho|sensor|libre)\b/.test(m[0]) && !DIABETES_CONTEXT.test(text)) return null;
  if (/\b(jejum|glicada|hemoglobina)\b/.test(m[0]) && n < 300) return n;
  return n;
}
const GLUCOSE_NUMBER = new RegExp(
  `\\b(?:${GLUCOSE_WORD})\\b(?: [a-z]+){0,4} (\\d{2,4})\\b|\\b(\\d{2,4}) (?:mg dl |mg )?(?:no|na|de|do|da) (?:${GLUCOSE_WORD})\\b`,
  'g',
);

function saturation(m: RegExpExecArray, text: string): boolean {
  const n = Number(m[1] ?? m[2]);
  if (UNIT_AFTER.test(text.slice(m.index + m[0].length)) && !/^ ?(%|porcento|por cento)/.test(text.slice(m.index + m[0].length))) return false;
  return n >= 40 && n <= 91;
}
const SAT_WORD = 'saturacao|saturando|saturou|oxigenacao|oximetro|oxigenio|oxímetro|spo2';

/** A baby of three months or less: fever there is an emergency whatever the number. */
const YOUNG_BABY =
  '(?:bebe|filh[oa]|nenem|filhinh[oa]|neta|neto|sobrinh[oa])(?: [a-z]+){0,2} (?:de|com|tem) (?:[0-3]|um|dois|duas|tres|1 e meio) (?:mes|meses|semanas?|dias)|recem nascid[oa]|(?:\\d{1,2}|poucos) dias de (?:vida|nascid[oa])';

function lowPressure(m: RegExpExecArray): boolean {
  const s = Number(m[1]);
  return (s >= 4 && s <= 9) || (s >= 40 && s <= 90);
}

export const RULES: readonly Rule[] = [
  // ---- chest pain: pressure, weight, burning, tightness, radiating; women's and older people's words
  { id: 'cardiac.chest_pain', category: 'cardiac', parts: [P(near(PAIN, 'peito|torax|esterno|peitoral', 6))] },
  { id: 'cardiac.heart_pain', category: 'cardiac', parts: [P(near('dor|dores|doi|doendo|doe|pontada|facada', 'coracao', 3))] },
  {
    id: 'cardiac.named',
    category: 'cardiac',
    parts: [P(words('infart\\w*|enfart\\w*|ataque cardiaco|ataque do coracao|parada cardiaca|angina|sindrome coronariana'))],
  },
  {
    id: 'cardiac.radiating',
    category: 'cardiac',
    parts: [
      P(
        then(
          'dor|dores|pressao|aperto|queimacao',
          `(?:irradia|irradiando|vai|vai para|desce|descendo|sobe|subindo|espalha|espalhando)${G(2)}(?:braco|bracos|mandibula|queixo|maxilar|pescoco|costas|ombro)`,
          4,
        ),
      ),
    ],
  },
  {
    id: 'cardiac.arm_and_sweat',
    category: 'cardiac',
    parts: [
      P(words('braco esquerdo (?:formigando|dormente|doendo|pesado)|suor frio|suando frio|suadeira')),
      P(words('peito|coracao|enjoo|enjoad[oa]|cansaco|falta de ar|mandibula')),
    ],
  },

  // ---- breathing: can't breathe, inhaler not working, oximeter, choking, cyanosis
  {
    id: 'breathing.cannot',
    category: 'breathing',
    parts: [
      P(
        words(
          'nao (?:consigo|consegue|conseguia|conseguindo|estou conseguindo|esta conseguindo|consegui) (?:respirar?|puxar o ar|puxar ar|tomar ar)|sem conseguir respirar|sem ar|dificuldade (?:para|de|pra) respirar|respirar com dificuldade|(?<!me )sufocand[oa]|estou sufocad[oa]|asfixi\\w*|falta o ar|faltando ar|faltando o ar|me falta o ar',
        ),
      ),
    ],
  },
  {
    id: 'breathing.short',
    category: 'breathing',
    parts: [P(words('falta de ar|cansaco para respirar|respiracao curta|fôlego curto'))],
    unless:
      /\b(leve|pouca|pouquinho|um pouco|quando (subo|corro|faco|ando)|ao subir|subir escada|escadas?|exercicio|treino|correr|as vezes|de vez em quando|andar rapido)\b/,
  },
  {
    id: 'breathing.fast',
    category: 'breathing',
    parts: [
      P(
        words(
          'respira\\w* (?:muito )?(?:curta|rapid[oa]|acelerad[oa]|ofegante|pesad[oa]|com esforco|fundo e rapido|com dificuldade)|respirando (?:muito )?(?:rapido|mal|com esforco|com dificuldade)|ofegante|chiando muito|chiado (?:forte|muito forte)|nao consigo (?:terminar|completar) (?:uma )?frase|nao consigo nem falar',
        ),
      ),
    ],
    unless: /\b(quando (subo|corro|faco|ando)|ao subir|subo|escadas?|andares|exercicio|treino|correr|sedentari\w*|normal\?)/,
  },
  {
    id: 'breathing.inhaler',
    category: 'breathing',
    parts: [
      P(
        near(
          'bombinha|inalador|aerolin\\w*|broncodilatador|nebuliza\\w*|salbutamol',
          'nao (?:faz|fez|esta fazendo|resolve|resolveu|adianta|adiantou|funciona|funcionou|melhora|melhorou|ajuda|ajudou)|sem efeito|piora\\w*',
          5,
        ),
      ),
    ],
  },
  {
    id: 'breathing.asthma_attack',
    category: 'breathing',
    parts: [P(near('asma|asmatic[oa]|bronquite|dpoc|enfisema', 'crise|atacada|piorou|nao consigo|em crise', 4))],
  },
  { id: 'breathing.choking', category: 'breathing', parts: [P(words('engasga\\w*|engasgou|engasgad[oa]|engasgando|asfixiad[oa]'))] },
  {
    id: 'breathing.cyanosis',
    category: 'breathing',
    parts: [
      P(
        near(
          'labios?|boca|dedos|lingua|rosto|pele|unhas|boquinha|extremidades',
          'rox[oa]s?|roxinh[oa]s?|arroxead[oa]s?|azul|azuis|azulad[oa]s?|cinzent[oa]s?|cianotic[oa]s?',
          3,
        ),
      ),
    ],
  },
  {
    id: 'breathing.saturation',
    category: 'breathing',
    parts: [
      P(
        new RegExp(`\\b(?:${SAT_WORD})\\b(?: [a-z]+){0,4} (\\d{2})\\b|\\b(\\d{2}) ?(?:%|porcento|por cento)? (?:de|na|no) (?:${SAT_WORD})\\b`, 'g'),
        saturation,
      ),
    ],
  },
  { id: 'breathing.saturation_low', category: 'breathing', parts: [P(near(SAT_WORD, 'baixa|baixando|caindo|caiu', 3))] },

  // ---- stroke: face, arm, speech, sudden vision loss, worst headache
  {
    id: 'stroke.face',
    category: 'stroke',
    parts: [
      P(near('boca|rosto|cara|face|labio|sorriso', 'tort[oa]|caid[oa]|entort\\w*|paralisad[oa]|paralis\\w*|dormente|repuxad[oa]|desviad[oa]|murch[oa]', 3)),
    ],
  },
  { id: 'stroke.smile', category: 'stroke', parts: [P(words('nao (?:consegue|consigo) (?:sorrir|dar um sorriso)'))] },
  {
    id: 'stroke.limb',
    category: 'stroke',
    parts: [
      P(
        near(
          'braco|bracos|perna|pernas|mao|lado|lado direito|lado esquerdo|metade do corpo|um lado',
          'fraco|fraca|fraqueza|sem forca|perdi a forca|perdeu a forca|perdendo a forca|dormente|dormencia|paralisad[oa]|paralisia|(?:nao|sem) (?:consigo|consegue|conseguir) (?:mexer|levantar|segurar)|nao mexe|nao levanta',
          3,
        ),
      ),
    ],
    unless: /\b(treino|academia|musculacao|dormi de mau jeito|de mau jeito|sentad[oa]|muito tempo)\b/,
  },
  {
    id: 'stroke.speech',
    category: 'stroke',
    parts: [
      P(
        words(
          'fala (?:enrolada|arrastada|embolada|estranha|confusa|travada|esquisita)|falando (?:tudo )?(?:enrolado|enrolada|embolado|arrastado|estranho|esquisito)|palavras sem sentido|nao (?:consegue|consigo) (?:falar|encontrar as palavras|achar as palavras)|nao encontrava as palavras|nao achava as palavras|perdeu a fala|sem conseguir falar',
        ),
      ),
    ],
  },
  {
    id: 'stroke.vision',
    category: 'stroke',
    parts: [
      P(
        words(
          'perd\\w* (?:a )?(?:visao|vista)|visao dupla|vendo dobrado|ficou ceg[oa]|fiquei ceg[oa]|nao (?:estou )?enxergando|nao enxergo|escureceu a vista de um lado',
        ),
      ),
    ],
  },
  {
    id: 'stroke.headache',
    category: 'stroke',
    parts: [P(near('dor de cabeca|cefaleia|dor na cabeca', `pior|subita|repentina|de repente|do nada|explosiva|${STRONG}`, 5))],
    unless: /\b(leve|enxaqueca|de vez em quando|as vezes|quando fico sem comer)\b/,
  },
  { id: 'stroke.named', category: 'stroke', parts: [P(words('avc|derrame|acidente vascular\\w*|isquemia cerebral|ataque isquemico'))] },

  // ---- loss of consciousness
  {
    id: 'unconscious.fainted',
    category: 'unconscious',
    parts: [
      P(
        words(
          '(?<!quase )desmai\\w*|desacordad[oa]|inconsciente|perd\\w* (?:a )?consciencia|perd\\w* os sentidos|apagou e nao|nao (?:acorda|acordava|reage|reagia|desperta|abre os olhos|volta a si|voltou a si|volta|consigo acordar|consegue ficar acordad[oa])|nao (?:esta |ta )?respond\\w*(?! (?:a |as |o |os |minha|minhas|meu|meus|mensag\\w*|email|whats\\w*|ligac\\w*|ao |aos ))|dificil de acordar|muito sonolent[oa]|sem reacao|sem respirar|parou de respirar|nao esta respirando|nao respira',
        ),
      ),
    ],
  },
  {
    id: 'unconscious.on_floor',
    category: 'unconscious',
    parts: [
      P(words('(?:caid[oa]|deitad[oa]|estirad[oa]|jogad[oa]) no chao|caiu no chao|encontrei (?:[a-z]+ ){0,3}no chao')),
      P(words('nao (?:fala|falava|responde|reage|acorda|levanta|se mexe|abre)|so abre o olho|mole|gelad[oa]|rox[oa]|sem respirar')),
    ],
  },
  {
    id: 'unconscious.head_injury',
    category: 'unconscious',
    parts: [
      P(words('bat\\w* (?:com )?a cabeca|pancada na cabeca|caiu de cabeca|traumatismo')),
      P(words('vomit\\w*|sonolent[oa]|desmai\\w*|confus[oa]|desacordad[oa]|sangr\\w*|convuls\\w*|apagou')),
    ],
  },

  // ---- severe bleeding
  {
    id: 'bleeding.heavy',
    category: 'bleeding',
    parts: [
      P(
        near(
          'sangr\\w*|sangue|hemorragia|sangramento',
          'muito|muita|bastante|demais|forte|intens[oa]|sem parar|nao para|nao parava|nao estanca|jorr\\w*|esguich\\w*|encharc\\w*|grave|coagulos|litros|poca|perdendo|rios de',
          5,
        ),
      ),
    ],
  },
  { id: 'bleeding.named', category: 'bleeding', parts: [P(words('hemorragia|hemorragico'))] },
  {
    id: 'bleeding.pregnancy',
    category: 'bleeding',
    parts: [
      P(words('gravida|gestante|gestacao|gravidez|\\d+ semanas|\\d+ meses de gravidez|depois do parto|pos parto|parto|puerperio|aborto')),
      P(words('sangr\\w*|sangue|sangramento')),
    ],
  },
  {
    id: 'bleeding.vomit_cough',
    category: 'bleeding',
    parts: [
      P(
        words(
          '(?:vomit\\w*|tossi\\w*|tosse|cusp\\w*|escarr\\w*|golfad\\w*) (?:com )?(?:sangue|sangrando)|sangue (?:no|na|pelo|pela) (?:vomito|tosse|boca)|sangue vivo',
        ),
      ),
    ],
  },
  {
    id: 'bleeding.melena',
    category: 'bleeding',
    parts: [
      P(near('fezes|coco|evacua\\w*|cocos|evacuacao', 'pret[oa]s?|escur[oa]s?|borra de cafe', 3)),
      P(words('tont\\w*|desmai\\w*|fraco|fraca|fraqueza|palid[oa]|quase desmai\\w*|pressao baixa|suando')),
    ],
  },

  // ---- suicide and self-harm: direct, indirect, method or preparation
  {
    id: 'suicide.direct',
    category: 'suicide',
    parts: [
      P(
        then(
          'quero|qro|vou|penso em|pensando em|pensei em|vontade de|desejo de|planejando|decidi|vou tentar|tentar|tentei|queria|preciso',
          '(?:me )?(?:morrer|me matar|me mato|me mata|suicid\\w*|me suicidar|acabar com (?:a minha vida|minha vida|tudo|a vida|isso hoje|isso de vez)|tirar (?:a )?minha (?:propria )?vida|sumir (?:para sempre|de vez|do mundo)|me jogar|pular|me enforcar|me cortar|me machucar|dar fim|por um fim|nao acordar|estar mort[oa])',
          2,
        ),
      ),
    ],
  },
  {
    id: 'suicide.words',
    category: 'suicide',
    parts: [
      P(
        words(
          'suicid\\w*|(?<!(?:vai|quer|vao|querem|ameacou|prometeu|ameaca) )me matar|se matar|se suicidar|tirar (?:a )?(?:minha |sua )?propria vida|tirar a minha vida|se enforcar|me enforcar|se jogar (?:da|do|de|na|no)|me jogar (?:da|do|de|na|no)|automutila\\w*|me cortar|me cortando|me machucar de proposito|me ferir|acabar com tudo',
        ),
      ),
    ],
  },
  {
    id: 'suicide.indirect',
    category: 'suicide',
    parts: [
      P(
        words(
          'que tudo acabasse|escrevi (?:uma |as )?cartas?|cartas? de despedida|tomar tudo que (?:tenho|tem)|(?:quer|querendo|falou em|fala em|falando em) morrer|nao vejo (?:mais )?saida|nao tem (?:mais )?saida|nao quero mais viver|nao quero viver|nao (?:aguento|suporto) mais (?:viver|essa vida|esta vida|a vida|minha vida|tudo isso|tudo)|nao vejo (?:mais )?sentido (?:em|na) (?:viver|vida)|sem sentido (?:viver|continuar)|nao tem mais sentido|nao faz mais sentido viver|(?:seria )?melhor (?:se )?(?:eu )?(?:nao existisse|estivesse mort[oa]|morrer|sumir|nao estar aqui)|melhor sem mim|ficar\\w* melhor sem mim|dormir e nao acordar|ninguem vai sentir (?:a )?minha falta|ninguem vai sentir falta|desistir de (?:tudo|viver)|me despedi de (?:todo mundo|todos)|carta de despedida|deixar uma carta|ir embora de vez|quero sumir|queria morrer|queria estar mort[oa]|cansad[oa] de viver|vida nao vale|quero morrer|qro morrer|nao quero mais acordar',
        ),
      ),
    ],
  },
  {
    id: 'suicide.method',
    category: 'suicide',
    parts: [
      P(
        words(
          'juntei (?:todos )?(?:os )?(?:meus |os )?(?:remedios|comprimidos)|juntando (?:os )?(?:remedios|comprimidos)|comprei (?:uma )?corda|comprei veneno|comprei (?:uma )?arma|(?:em cima|beira|alto) d[ao] (?:ponte|predio|viaduto|janela|laje|sacada)|vou pular|me jogar|tomar todos os (?:meus )?remedios|tomo tudo|faca na mao|cortei (?:os |meus )?pulsos?|gilete|lamina|corda no pescoco',
        ),
      ),
    ],
  },

  // ---- overdose and poisoning: medicines, cleaning products, pesticides, gas; children
  { id: 'poisoning.chemical', category: 'poisoning', parts: [P(near(INGEST + '|inalou|inalei|respirou|cheirou|caiu no olho|espirrou no olho', CHEMICAL, 6))] },
  { id: 'poisoning.overdose', category: 'poisoning', parts: [P(near(INGEST, MEDICINE, 6)), P(words(QUANTITY))], scope: 'sentence' },
  { id: 'poisoning.child_medicine', category: 'poisoning', parts: [P(words(CHILD)), P(near(INGEST + '|pegou', MEDICINE, 6))] },
  { id: 'poisoning.named', category: 'poisoning', parts: [P(words('overdose|superdosagem|intoxica\\w*|envenen\\w*|chumbinho'))] },
  {
    id: 'poisoning.gas',
    category: 'poisoning',
    parts: [
      P(words('gas|cheiro de gas|aquecedor|monoxido|escapamento|vazamento|fumaca')),
      P(words('dor de cabeca|tont\\w*|enjo\\w*|desmai\\w*|sonolen\\w*|vomit\\w*|confus[oa]')),
    ],
  },
  {
    id: 'poisoning.fumes',
    category: 'poisoning',
    parts: [
      P(words('misturei|misturou|misturando|inalei|inalou|respirei|respirou|cheiro forte|vapor|fumaca toxica')),
      P(words(CHEMICAL)),
      P(words('tosse|tossindo|falta de ar|sem ar|garganta (?:queimando|ardendo|fechando)|ardendo|tont\\w*|desmai\\w*|vomit\\w*|chiado|chiando')),
    ],
  },
  {
    id: 'poisoning.pesticide',
    category: 'poisoning',
    parts: [
      P(words('agrotoxicos?|veneno|inseticida|organofosforado|pesticida|raticida')),
      P(words('babando|saliva\\w*|suando muito|sudorese|vista embac\\w*|visao embac\\w*|tremores|vomit\\w*|desmai\\w*|convuls\\w*|falta de ar|pupila')),
    ],
  },

  // ---- anaphylaxis
  {
    id: 'anaphylaxis.airway',
    category: 'anaphylaxis',
    parts: [P(near('garganta|lingua|labios?|glote|boca', 'fechand\\w*|inchad\\w*|inchand\\w*|inchou|incharam|apertad\\w*|apertando|fechou', 3))],
  },
  {
    id: 'anaphylaxis.face_after',
    category: 'anaphylaxis',
    parts: [
      P(near('rosto|cara|face|olhos?|palpebras?|corpo', 'inchad\\w*|inchand\\w*|inchou|incharam|empipocad[oa]|vermelho|vermelha', 3)),
      P(
        words(
          'alergi\\w*|alergic[oa]|picad\\w*|picou|ferroada|abelha|vespa|marimbondo|camarao|amendoim|castanha|frutos do mar|injecao|antibiotico|dipirona|anti inflamatorio|remedio novo|depois d[aeo]',
        ),
      ),
    ],
  },
  { id: 'anaphylaxis.named', category: 'anaphylaxis', parts: [P(words('anafila\\w*|choque alergico|edema de glote|caneta de adrenalina|epipen|adrenalina'))] },
  {
    id: 'anaphylaxis.reaction',
    category: 'anaphylaxis',
    parts: [
      P(words('alergi\\w*|alergic[oa]|reacao|picad\\w*|picou|ferroada')),
      P(
        words(
          'falta de ar|sem ar|chiad\\w*|chiando|tont\\w*|desmai\\w*|rouca|rouquidao|dificuldade (?:para|de) (?:engolir|respirar)|corpo todo|empipoc\\w*|placas? vermelh\\w*|pressao caiu|garganta (?:fechando|apertada|apertando|arranhando)|grave|forte|seria',
        ),
      ),
    ],
    scope: 'sentence',
    unless: /\b(rinite|leve|poeira|polen|coceira leve)\b/,
  },

  // ---- seizures, as witnesses describe them
  { id: 'seizure.named', category: 'seizure', parts: [P(words('convuls\\w*|ataque epilep\\w*|crise epilep\\w*|crise convulsiva|estado de mal'))] },
  {
    id: 'seizure.witness',
    category: 'seizure',
    parts: [
      P(
        words(
          'se debatendo|debatendo no chao|se batendo|tremendo (?:tod[oa]|o corpo todo|bracos e pernas)|se tremendo|corpo (?:tod[oa] )?(?:tremendo|se contorcendo|sacudindo|rigido|duro)|ficou dur[oa]|ficou rigid[oa]|ficou durinh[oa]|olhos? (?:virad\\w*|revirad\\w*)|revirando os olhos|olho virado|espumando|mordeu a lingua|sacudindo (?:os )?(?:bracos|pernas)|(?:esta|estao|ta) se contorcendo|crise (?:atras da outra|nao para|de novo)|(?:tendo|teve) (?:uma )?crise(?! de (?:ansiedade|panico|asma|riso|choro|enxaqueca|tosse|alergia))',
        ),
      ),
    ],
  },

  // ---- diabetes: this app's own users
  {
    id: 'hypoglycaemia.reading',
    category: 'hypoglycaemia',
    parts: [
      P(GLUCOSE_NUMBER, (m, t) => {
        const v = glucoseValue(m, t);
        return v !== null && v >= 10 && v <= 54;
      }),
    ],
  },
  {
    id: 'hypoglycaemia.lo',
    category: 'hypoglycaemia',
    parts: [
      P(
        words('(?:mostr\\w*|marc\\w*|deu|aparece\\w*|so) (?:lo|low)|(?:lo|low) no (?:aparelho|glicosimetro|medidor|sensor)'),
        (_m, t) => DIABETES_CONTEXT.test(t) || /\b(aparelho|medidor|sensor)\b/.test(t),
      ),
    ],
  },
  {
    id: 'hypoglycaemia.symptoms',
    category: 'hypoglycaemia',
    parts: [
      P(words('hipoglicemia|hipo|glicose baixa|glicemia baixa|acucar baixo|baixa de acucar')),
      P(
        words(
          `trem\\w*|tremedeira|suand\\w*|suor|${SYMPTOM_CONFUSION}|tont\\w*|desmai\\w*|visao turva|turv[oa]|forte|grave|nao (?:consigo|consegue)|palpita\\w*|coracao disparado|passando mal|convuls\\w*`,
        ),
      ),
    ],
  },
  {
    id: 'hypoglycaemia.insulin',
    category: 'hypoglycaemia',
    parts: [
      P(words('insulina|diabet\\w*')),
      P(
        words(
          `suand\\w* frio|suor frio|suando muito|molhad[oa] de suor|${SYMPTOM_CONFUSION}|tremendo|tremula|tremulo|desacordad[oa]|muito sonolent[oa]|visao turva`,
        ),
      ),
    ],
  },
  {
    id: 'hyperglycaemia.reading',
    category: 'hyperglycaemia',
    parts: [
      P(GLUCOSE_NUMBER, (m, t) => {
        const v = glucoseValue(m, t);
        return v !== null && v >= 300 && v <= 1500;
      }),
    ],
  },
  {
    id: 'hyperglycaemia.over',
    category: 'hyperglycaemia',
    parts: [P(new RegExp(`\\b(?:${GLUCOSE_WORD})\\b(?: [a-z]+){0,4} (?:acima de|passou de|passando de|mais de|maior que|em cima de) ([3-9]\\d\\d)\\b`, 'g'))],
  },
  {
    id: 'hyperglycaemia.hi',
    category: 'hyperglycaemia',
    parts: [
      P(
        words(
          '(?:mostr\\w*|marc\\w*|deu|aparece\\w*|so|esta|marcou) (?:hi|high)|(?:hi|high) no (?:aparelho|glicosimetro|medidor|sensor)|glicosimetro (?:so )?(?:mostra |marca |da )?(?:hi|high)',
        ),
      ),
    ],
  },
  { id: 'hyperglycaemia.named', category: 'hyperglycaemia', parts: [P(words('cetoacidose|cetoacidotic[oa]|coma diabetico|estado hiperosmolar'))] },
  {
    id: 'hyperglycaemia.high_signs',
    category: 'hyperglycaemia',
    parts: [
      P(near('glicose|glicemia|acucar|dextro', 'alta|altissima|alta demais|nas alturas|muito alta|subiu muito|la em cima', 4)),
      P(words(`vomit\\w*|sede|${SYMPTOM_CONFUSION}|sonolen\\w*|respira\\w*|halito|fraco|fraca|dor de barriga|urinando`)),
    ],
  },

  // ---- meningitis
  {
    id: 'meningitis.fever_neck',
    category: 'meningitis',
    parts: [
      P(words('febre|febril|3[89](?:\\.\\d)? graus|40 graus|temperatura alta')),
      P(
        words(
          'pescoco (?:duro|rigido|travado)|nuca (?:dura|rigida|travada)|rigidez (?:na|de) nuca|rigidez no pescoco|nao consig\\w* (?:encostar o queixo|dobrar o pescoco|mexer o pescoco|abaixar a cabeca)|manchas? (?:rox\\w*|vermelh\\w*|escur\\w*)|manchinhas?|pintinhas? (?:vermelh\\w*|rox\\w*)|petequias|moleira (?:estufada|alta|abaulada|inchada)|luz incomoda|incomodad[oa] com a luz|vomit\\w* em jato',
        ),
      ),
    ],
  },
  {
    id: 'meningitis.rash',
    category: 'meningitis',
    parts: [
      P(
        words(
          'manch\\w* (?:rox\\w*|escur\\w*|vermelh\\w*)(?: [a-z]+){0,3} que nao (?:some|somem|desaparece\\w*)|nao (?:some|somem|desaparecem) quando (?:aperto|aperta|pressiono)',
        ),
      ),
    ],
  },
  { id: 'meningitis.named', category: 'meningitis', parts: [P(words('meningite|meningococ\\w*'))] },
  { id: 'meningitis.fontanelle', category: 'meningitis', parts: [P(words('moleira (?:estufada|alta|abaulada|inchada)'))] },

  // ---- acute abdomen (and torsion, ectopic)
  {
    id: 'abdomen.severe_pain',
    category: 'acute_abdomen',
    parts: [
      P(near('dor|dores|doendo|doi|colica', 'barriga|abdom\\w*|abdominal|estomago|ventre|pe da barriga|umbigo|virilha|boca do estomago', 5)),
      P(words(`${STRONG}|nao consigo (?:nem )?(?:andar|levantar|ficar em pe)|me contorcendo|se contorcendo|nao aguento|repentina`)),
    ],
    scope: 'sentence',
  },
  {
    id: 'abdomen.rigid',
    category: 'acute_abdomen',
    parts: [P(words('barriga (?:dura|rigida|muito inchada|como pedra|inchou muito)|abdome (?:rigido|em tabua|duro)|abdomen (?:rigido|duro)'))],
  },
  {
    id: 'abdomen.appendicitis',
    category: 'acute_abdomen',
    parts: [P(words('apendicite|gravidez ectopica|gravidez nas trompas|torcao (?:de|no) testiculo|obstrucao intestinal|peritonite'))],
  },
  {
    id: 'abdomen.fever_vomit',
    category: 'acute_abdomen',
    parts: [P(near('dor|dores|doendo|doi', 'barriga|abdom\\w*|abdominal|estomago', 4)), P(words('febre')), P(words('vomit\\w*|lado direito'))],
  },
  {
    id: 'abdomen.obstruction',
    category: 'acute_abdomen',
    parts: [
      P(words('nao (?:consigo )?(?:evacu\\w*|soltar gases|fazer coco|solta gases)|sem evacuar|nao evacua\\w*|nem soltar gases')),
      P(words('vomit\\w*|barriga (?:muito )?inchad\\w*|inchou|dor (?:muito )?forte')),
    ],
  },
  {
    id: 'abdomen.testicle',
    category: 'acute_abdomen',
    parts: [
      P(words('testiculo|testiculos|saco|escroto|bolsa escrotal')),
      P(words('doendo demais|dor forte|muito forte|insuportavel|de repente|do nada|inchou|doendo muito')),
    ],
    scope: 'sentence',
  },

  // ---- serious burns
  {
    id: 'burn.severe',
    category: 'burn',
    parts: [
      P(words('queim(?!acao)\\w*|quemadura')),
      P(
        words(
          'bolhas?|pele (?:soltando|saiu|solta|descolou|descolando|branca|preta)|grande|grave|feio|feia|rosto|pescoco|maos?|genita\\w*|corpo todo|tod[oa]|bebe|crianca|filh[oa]|fumaca|alcool|gasolina|fogo|explos\\w*|choque|eletric\\w*|agua fervendo|oleo (?:quente|fervendo)|agua quente|panela|ferro|botijao|3o grau|terceiro grau|segundo grau|peito|barriga|costas|perna|braco',
        ),
      ),
    ],
    scope: 'sentence',
    unless: /\b(leve|de leve|so ficou vermelh\w*|ficou so vermelh\w*|pequena|pequeno|um pouquinho|sol\b|lingua|dedo)\b/,
  },
  {
    id: 'burn.scald',
    category: 'burn',
    parts: [P(near('derrub\\w*|caiu|virou|puxou|jogou|entornou', 'agua fervendo|oleo (?:quente|fervendo)|panela|leite fervendo|agua quente|cafe fervendo', 5))],
  },
  {
    id: 'burn.electric',
    category: 'burn',
    parts: [P(words('choque eletrico|eletrocut\\w*|choque (?:da|na) tomada|choque (?:forte|de alta)|levou um choque|fio de alta'))],
  },
  { id: 'burn.smoke', category: 'burn', parts: [P(words('(?:inal\\w*|respirou|engoliu) (?:muita )?fumaca|incendio'))] },

  // ---- heat stroke
  { id: 'heat.named', category: 'heat_stroke', parts: [P(words('insola\\w*|intermacao|golpe de calor|hipertermia'))], unless: /\b(leve|evitar|prevenir)\b/ },
  {
    id: 'heat.signs',
    category: 'heat_stroke',
    parts: [
      P(words('sol|calor|carro fechado|pelando|lavoura|obra|maratona|sem beber agua|abafad[oa]|\\d{2} graus')),
      P(
        words(
          `${SYMPTOM_CONFUSION}|parou de suar|nao (?:esta )?suando|sem suar|pele (?:quente e )?seca|temperatura (?:de )?(?:4[0-2]|39)|febre alta|molinh[oa]|muito mole|nao (?:consigo|consegue) parar de vomitar|quase desmai\\w*|desmai\\w*|cabeca (?:muito )?quente|muito quente`,
        ),
      ),
    ],
  },
  {
    id: 'heat.no_sweat',
    category: 'heat_stroke',
    parts: [P(words('sem suar|parou de suar|nao (?:esta )?suando|nao sua mais')), P(words('quente|calor|sol|pelando|febre'))],
  },
  { id: 'heat.car', category: 'heat_stroke', parts: [P(words('(?:pres[oa]|esquecid[oa]|trancad[oa]|ficou) (?:[a-z]+ ){0,2}(?:no|dentro do) carro'))] },

  // ---- sepsis
  { id: 'sepsis.named', category: 'sepsis', parts: [P(words('sepse|sepsis|septicemia|infeccao generalizada|choque septico|sepsi'))] },
  {
    id: 'sepsis.signs',
    category: 'sepsis',
    parts: [
      P(words('infec\\w*|febre|pus|antibiotico|cirurgia|operou|operad[oa]|ferida|pneumonia|quimio\\w*|corte')),
      P(
        words(
          `pressao (?:muito )?(?:baixa|caindo|caiu)|${SYMPTOM_CONFUSION}|pele manchada|manchad[oa]|gelad[oa]|nao urin\\w*|sem urinar|coracao (?:esta |ta )?(?:acelerado|disparado)|respiracao (?:esta |ta )?(?:rapida|acelerada)|muito sonolent[oa]|abatid[oa]|pes? diabetic[oa] pret[oa]|ferida pret[oa]|pret[oa]`,
        ),
      ),
    ],
  },
  {
    id: 'sepsis.surgical',
    category: 'sepsis',
    parts: [
      P(words('cirurgia|operou|operei|operad[oa]|pos operatorio|cesarea|cesariana')),
      P(words('pus|infeccionad[oa]|inflamad[oa]|inchad[oa]|vermelh[oa]|abriu|secrecao')),
      P(words('febre|febril|3[89](?:\\.\\d)?|calafrios?')),
    ],
  },
  { id: 'sepsis.low_pressure', category: 'sepsis', parts: [P(/\bpressao (?:[a-z]+ ){0,2}(\d{1,2}) (?:por|x) \d{1,2}\b/g, lowPressure)] },
  {
    id: 'sepsis.chemo_fever',
    category: 'sepsis',
    parts: [P(words('quimio\\w*|transplantad[oa]|neutropeni\\w*')), P(words('febre|3[89](?:\\.\\d)?|calafrios?'))],
  },

  // ---- danger signs in babies and children
  {
    id: 'child.young_fever',
    category: 'child_danger',
    parts: [P(new RegExp(`\\b(?:${YOUNG_BABY})\\b`, 'g')), P(words('febre|febril|3[89](?:\\.\\d)?|temperatura alta|quentinh[oa]'))],
  },
  {
    id: 'child.feeding',
    category: 'child_danger',
    parts: [
      P(words('nao (?:quer )?mam\\w*|parou de mamar|nao (?:esta )?mamando|recusa (?:o )?peito|nao (?:quer )?(?:beber|comer) nada|nao aceita nada')),
      P(words(`molinh[oa]|mole|sonolent[oa]|febre|vomit\\w*|gemend\\w*|rox\\w*|${CHILD}`)),
    ],
  },
  {
    id: 'child.floppy',
    category: 'child_danger',
    parts: [P(words('molinh[oa]|muito mole|largad[oa]|hipotonic[oa]|nao acorda direito|sem forca para chorar')), P(words(CHILD))],
  },
  {
    id: 'child.dehydration',
    category: 'child_danger',
    parts: [P(words('nao (?:faz|fez|esta fazendo) xixi|sem (?:fazer )?xixi|sem urinar|fralda seca|olhos fundos|sem lagrimas?|boca seca e'))],
  },
  { id: 'child.fontanelle_sunken', category: 'child_danger', parts: [P(near('moleira', 'funda|afundada|baixa|afundando', 3))] },
  {
    id: 'child.cyanosis',
    category: 'child_danger',
    parts: [P(words('roxinh[oa]|rox[oa]|arroxead[oa]|azulad[oa]')), P(words(CHILD))],
    scope: 'sentence',
    unless: /\b(joelho|perna|braco|canela|bateu|pancada|hematoma|mancha roxa|manchas roxas)\b/,
  },
  {
    id: 'child.breathing_effort',
    category: 'child_danger',
    parts: [
      P(
        words(
          'gemend\\w*|gemido|afundando (?:as )?costelas|costelas? afundando|batendo (?:a )?asa do nariz|respirando com esforco|esforco para respirar|tiragem',
        ),
      ),
    ],
  },
  {
    id: 'child.swallowed',
    category: 'child_danger',
    parts: [
      P(
        then(
          'engol\\w*|comeu|colocou na boca|engoliram',
          `(?:[a-z]+ ){0,3}(?:bateria|baterias|pilha|pilhas|ima|imas|imã|moeda|botao|prego|alfinete|parafuso)`,
          0,
        ),
      ),
    ],
  },
  { id: 'child.vomit_all', category: 'child_danger', parts: [P(words('vomitando tudo|vomita tudo|diarreia o dia todo|diarreia e vomito')), P(words(CHILD))] },

  // ---- violence in progress
  {
    id: 'violence.assault',
    category: 'violence',
    parts: [
      P(
        words(
          'me (?:batendo|agredindo|espancando|enforcando|estrangulando|esfaqueando|chutando|socando|ameacando|bateu|agrediu|espancou)|(?:batendo|bateu|agredindo|agrediu|espancando|espancou) (?:na|no|numa|num|em) (?:minha|meu|mulher|esposa|crianca|filh\\w*|mae|pai|menin\\w*|namorad\\w*|vizinh\\w*|idos\\w*|ela|ele)|espancand\\w*|agredindo|estou sendo (?:agredid[oa]|ameacad[oa]|atacad[oa]|seguid[oa])|fui (?:agredid[oa]|atacad[oa]|esfaquead[oa]|baleado|baleada|espancad[oa])|esfaquead[oa]|baleado|baleada|atirando|tiroteio|tiros',
        ),
      ),
    ],
  },
  {
    id: 'violence.threat',
    category: 'violence',
    parts: [
      P(
        words(
          'armad[oa]|arma de fogo|com uma arma|apanhando|levando uma surra|(?:vai|quer|vou|ameacou|prometeu) me mat(?:ar|a|o)|vai matar (?:todo mundo|a gente|nos|meus filhos|a minha)|ameac\\w* de morte|ameacando|me ameacou|me ameaca|(?:arma|faca|revolver|pistola|facao) (?:apontad\\w*|na minha (?:cabeca|cara|garganta|barriga|direcao))|apontando (?:uma |a )?(?:arma|faca)',
        ),
      ),
    ],
  },
  {
    id: 'violence.intrusion',
    category: 'violence',
    parts: [
      P(
        words(
          'invadiu|invadindo|invadiram|tentando entrar|arrombou|arrombando|arrombaram|forcando a porta|sequestr\\w*|me trancou|trancou as portas|trancou a porta|mudou o caminho|nao me deixa sair|me mantem presa|quebrando tudo',
        ),
      ),
    ],
  },
  {
    id: 'violence.sexual',
    category: 'violence',
    parts: [P(words('estupr\\w*|abusad[oa] sexualmente|abuso sexual|violentad[oa]|violencia sexual|violencia domestica'))],
  },
];

/** Ordinary words one edit away from a lexicon word: never "corrected" into it. */
export const PROTECTED_WORDS = [
  'feito',
  'jeito',
  'peixe',
  'leite',
  'sente',
  'sentir',
  'sentido',
  'pesado',
  'pedido',
  'porta',
  'parto',
  'ponto',
  'pronto',
  'tomate',
  'batata',
  'sobre',
  'sabe',
  'sempre',
  'pouco',
  'pouca',
  'pouquinho',
  'porque',
  'quando',
  'quanto',
  'quantos',
  'quero',
  'queria',
  'quais',
  'qual',
  'depois',
  'antes',
  'ainda',
  'agora',
  'hoje',
  'ontem',
  'semana',
  'semanas',
  'meses',
  'anos',
  'filho',
  'filha',
  'filhos',
  'filhas',
  'marido',
  'esposa',
  'irmao',
  'irma',
  'amigo',
  'amiga',
  'avo',
  'mae',
  'pai',
  'tio',
  'tia',
  'comer',
  'comida',
  'comendo',
  'bebida',
  'beber',
  'agua',
  'cafe',
  'almoco',
  'jantar',
  'lanche',
  'dieta',
  'treino',
  'academia',
  'calor',
  'calorias',
  'caloria',
  'proteina',
  'frango',
  'carne',
  'arroz',
  'feijao',
  'salada',
  'fruta',
  'frutas',
  'exame',
  'exames',
  'colesterol',
  'pressao',
  'medico',
  'medica',
  'hospital',
  'remedio',
  'tomar',
  'tomando',
  'normal',
  'ajuda',
  'ajudar',
  'saber',
  'sinais',
  'sintomas',
  'sintoma',
  'quente',
  'fria',
  'frio',
  'fome',
  'sono',
  'cansado',
  'cansada',
  'cansaco',
  'tosse',
  'gripe',
  'resfriado',
  'nariz',
  'olho',
  'olhos',
  'mesmo',
  'muito',
  'muita',
  'tudo',
  'todo',
  'toda',
  'nada',
  'coisa',
  'coisas',
  'casa',
  'carro',
  'rua',
  'trabalho',
  'escola',
  'prova',
  'nota',
  'notas',
  'chefe',
  'vida',
  'viver',
  'morte',
  'morto',
  'morta',
  'mata',
  'matou',
  'matando',
  'sangue',
  'seco',
  'seca',
  'secou',
  'sorte',
  'forte',
  'forma',
  'fraco',
  'fraca',
  'falta',
  'falar',
  'falou',
  'fala',
  'perna',
  'pernas',
  'braco',
  'bracos',
  'cabeca',
  'barriga',
  'costas',
  'pescoco',
  'peito',
  'coracao',
  'dente',
  'dentes',
  'gengiva',
  'pele',
  'bolha',
  'bolo',
  'pasta',
  'panela',
  'ferro',
  'fogo',
  'forno',
  'queijo',
  'manteiga',
  'ovos',
  'cebola',
  'pressa',
  'preso',
  'presa',
  'prato',
  'pratos',
  'parte',
  'partes',
  'certo',
  'certa',
  'perto',
  'aperto',
  'tempo',
  'tempos',
  'manchas',
  'mancha',
  'febre',
  'ferida',
  'feridas',
  'corte',
  'cortes',
  'sorrir',
  'sorriso',
  'mole',
  'molho',
  'rosto',
  'roxo',
  'rocha',
  'rosa',
  'trocar',
  'tomou',
  'tomei',
  'bebeu',
  'bebi',
  'dormir',
  'dormi',
  'dormindo',
  'respirar',
  'respiro',
  'respira',
  'ansiedade',
  'ansiosa',
  'ansioso',
  'triste',
  'tristeza',
  'medo',
  'raiva',
  'nervosa',
  'nervoso',
  'preocupada',
  'preocupado',
  'reduzir',
  'perder',
  'perdi',
  'peso',
  'magro',
  'magra',
  'gordura',
  'gordo',
  'gorda',
  'engordar',
  'emagrecer',
  'acucar',
  'suco',
  'sucos',
  'refrigerante',
  'vinho',
  'cerveja',
  'apenas',
  'somente',
  'tambem',
  'talvez',
  'sera',
  'pode',
  'podem',
  'posso',
  'preciso',
  'precisa',
  'tenho',
  'tinha',
  'tive',
  'teve',
  'estava',
  'estou',
  'esta',
  'estao',
  'ficou',
  'fiquei',
  'senti',
  'sinto',
  'manha',
  'tarde',
  'noite',
  'madrugada',
  'cedo',
  'dias',
  'horas',
  'minutos',
  'vezes',
  'idade',
  'idoso',
  'idosa',
  'criança',
  'vomito',
  'tontura',
  'tonto',
  'tonta',
  'tremor',
  'tremer',
  'suar',
  'suor',
  'calma',
  'calmo',
  'limpeza',
  'limpar',
  'lavar',
  'sabonete',
  'shampoo',
  'creme',
  'pomada',
  'curativo',
  'gelo',
  'quadro',
  'quarto',
  'banheiro',
  'cozinha',
  'sala',
  'porto',
  'pesada',
  'passou',
  'passar',
  'passando',
  'parou',
  'parar',
  'para',
  'pare',
  'mamae',
  'papai',
  'bebe',
  'sede',
  'sedentario',
  'nunca',
  'passado',
  'passada',
  'passados',
  'tirou',
  'tirei',
  'tiro',
  'apendice',
  'esperando',
  'esperar',
  'espera',
  'resultado',
  'mandar',
  'manda',
  'mando',
  'tomara',
  'tomaram',
  'pensando',
  'pensei',
  'penso',
  'noticia',
  'fôlego',
  'folego',
  'comigo',
  'contigo',
  'gente',
  'pessoa',
  'alguem',
  'ninguem',
  'mesma',
  'outra',
  'outro',
  'outros',
  'outras',
  'entao',
  'assim',
  'aqui',
  'fadiga',
  'fraqueza',
  'dores',
  'doendo',
  'doente',
  'saude',
  'saudavel',
  'meta',
  'metas',
  'plano',
  'cardapio',
  'receita',
];
