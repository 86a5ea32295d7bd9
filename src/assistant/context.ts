// Context that removes an alarm, and context that keeps it.
//
// Removes it: an information question ("quais são os sinais de AVC?", "o que fazer quando alguém
// desmaia?"), an event clearly in the past or already treated ("tive um infarto em 2019", "desmaiei
// ano passado", "tive uma hipo, tomei suco e passou"), a negation in the same clause ("não tenho dor
// no peito", "sem falta de ar"), and idioms ("morrendo de fome", "esse treino me matou", "peito de
// frango"), which are masked before any rule runs.
// Keeps it: the same words about someone else now ("minha mãe está…"), doubt ("não sei se é…"), and
// anything that says it is happening now ("agora", "ainda", "de novo", "piorou") — that wins over a
// past marker in the same sentence. When in doubt the alarm stays: each check needs clear words.

/** Idioms and food names that contain alarm words; replaced by a neutral token before matching. */
const MASKS: readonly RegExp[] = [
  /\bmor(?:r\w*|ri|to|ta|tos|tas) de (?:fome|rir|riso|sono|calor|frio|vergonha|medo|saudades?|cansaco|tedio|inveja|preguica|sede|vontade|ciumes?|raiva|amor|tanto|curiosidade|ansiedade|pena|susto|trabalhar|estudar|comer|felicidade|alegria|dor de cotovelo)\b/g,
  /\bmorri de (?:rir|vergonha|medo|susto|inveja|calor|frio|fome|sono)\b/g,
  /\bquase morri\b/g,
  /\b(?:ess[ea]s?|est[ea]s?|isso|isto|aquel[ea]s?|aquilo) (?:[a-z]+ ){0,2}(?:esta |vai |ainda |so |ta )?(?:me )?(?:mata|matou|matando|matar|mate)\b(?! (?:de verdade|mesmo))/g,
  /\bvai me matar (?:quando|se|de|do|da|com|kk\w*)\b/g,
  /\bme mata de (?:rir|vergonha|raiva|preocupacao|susto|tanto)\b/g,
  /\b(?:de|pra|para) matar\b/g,
  /\bcoracao (?:partido|na mao|apertado|pequeno|quentinho|na boca)\b|\baperto no coracao\b/g,
  /\b(?:me|nos) sufoca\w*\b/g,
  /\btrem\w* (?:de|na) (?:frio|medo|nervoso|raiva|ansiedade|emocao|base)\b|\btremi na base\b/g,
  /\bcabeca (?:vai )?(?:explod\w*|fervendo)\b/g,
  /\bqueim\w* (?:a |as |o |os )?(?:gordura|calorias?|energia|largada|etapas?|filme|arroz|comida|bolo|carne|feijao|pao|pizza|panela)\b|\bfilme (?:esta |ta )?queimado\b/g,
  /\bpeito de (?:frango|peru|pato|boi|chester|galinha)\b/g,
  /\bdisque intoxicacao\b/g,
  /\bsumir (?:dessa|desse|desta|deste|daqui|do grupo|da dieta)\b/g,
  /\bdeu um branco\b/g,
  /\b(?:doi|dor|doendo|dores) de (?:rir|amor|cotovelo)\b|\bdor de cotovelo\b/g,
  /\bcair de sono\b|\bcaindo de sono\b/g,
  /\bapaguei (?:no sofa|cedo|vendo|de sono|na cama)\b/g,
  /\bfiz um ataque\b|\bataque de (?:riso|fome|ciume|preguica)\b/g,
  /\bconfus[oa]s? (?:com|sobre|em relacao|quanto|na hora|nessa|nesse|nas|nos|de tanta)\b/g,
  // Taking one's medicines as prescribed, and the pill pack, are not an overdose.
  /\btomei (?:todos |todas )?(?:os |as )?(?:meus |minhas )?(?:remedios|comprimidos|medicamentos|pilulas) (?:certinho|direitinho|no horario|na hora certa|do dia|de hoje|da manha|da noite|como)\b/g,
  /\bpilula (?:do dia|da cartela)\b|\bcartela nova\b|\banticoncepciona\w*/g,
];

export function mask(text: string): string {
  let out = text;
  for (const re of MASKS) out = out.replace(re, (m) => '~'.repeat(m.length));
  return out;
}

const SENTENCE_BREAK = /[.!?\n]/;
const CLAUSE_BREAK = /[.!?\n,;:]|\b(?:mas|porem|so que|entretanto|contudo)\b/g;

export interface Span {
  start: number;
  end: number;
}

export function sentenceAt(text: string, at: number): Span {
  let start = at;
  while (start > 0 && !SENTENCE_BREAK.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !SENTENCE_BREAK.test(text[end]!)) end++;
  // The question mark belongs to its sentence: it tells an information question apart.
  if (text[end] === '?') end++;
  return { start, end };
}

export function clauseAt(text: string, at: number, matchEnd: number): Span {
  const s = sentenceAt(text, at);
  let start = s.start;
  let end = s.end;
  CLAUSE_BREAK.lastIndex = 0;
  const sentence = text.slice(s.start, s.end);
  for (let m = CLAUSE_BREAK.exec(sentence); m; m = CLAUSE_BREAK.exec(sentence)) {
    const abs = s.start + m.index;
    if (abs + m[0].length <= at) start = abs + m[0].length;
    else if (abs >= matchEnd) {
      end = abs;
      break;
    }
  }
  return { start, end };
}

const NEGATORS = new Set(['nao', 'nunca', 'sem', 'nem', 'jamais', 'nenhum', 'nenhuma', 'zero', 'negativo']);
const BREAKERS = new Set(['e', 'que', 'porque', 'quando', 'pois', 'se', 'mas', 'ou']);

/** A negation up to three words before, in the same clause, not "não sei se" and not across "e"/"que". */
export function negated(clauseBefore: string): boolean {
  const ws = clauseBefore.trim().split(/\s+/).filter(Boolean).slice(-4);
  for (let i = ws.length - 1; i >= 0; i--) {
    const w = ws[i]!;
    // "nao e" is "não é" (folded), a negation, not the conjunction "e".
    if (BREAKERS.has(w) && !(w === 'e' && i > 0 && NEGATORS.has(ws[i - 1]!))) return false;
    if (NEGATORS.has(w)) {
      const next = ws[i + 1];
      if (next === 'sei' || next === 'para' || next === 'consigo' || next === 'consegue' || next === 'aguento') return false;
      return ws.length - i <= 4;
    }
  }
  return false;
}

const PAST_TIME =
  /\b(?:anos? passado|anos? atras|mes passado|meses atras|semana passada|semanas atras|ha (?:\d+|um|uma|dois|duas|tres|quatro|cinco|alguns|algumas|varios|varias|muitos|muitas|uns|umas) (?:anos?|mes|meses)|faz (?:\d+|um|uns|alguns|muitos|varios) (?:anos?|meses)|em (?:19|20)\d\d|quando (?:eu |ele |ela )?(?:era )?(?:crianca|bebe|pequen[oa]|nov[oa]|jovem|adolescente)|na infancia|com \d+ anos?|(?<!de )uma vez|certa vez|no passado|antigamente|historico de|ja tive|ja teve)\b/;
const RESOLVED =
  /\b(?:ja passou|passou (?:logo|rapido|em seguida|sozinh[oa]|depois|em segundos|em minutos)|e passou|mas passou|ja melhor\w*|melhorou|se recuperou|me recuperei|recuperad[oa]|(?:estou|esta|estamos) (?:bem|otim[oa]|controlad[oa]|estavel|segur[oa]|curad[oa])|hoje (?:anda|faco|faz|tem|tomo|esta bem|estou bem|esta otim[oa])|nunca mais|sem crises|resolvi|resolveu|ficou tudo bem|foi tudo bem|correu tudo bem|saiu normal|nao aconteceu nada|ja tratei|ja foi tratad[oa]|controlad[oa]|faco acompanhamento|em acompanhamento|ja (?:fui|passei) (?:no|ao|pelo|na) (?:medico|hospital|pronto socorro|ps|upa)|ja foi atendid[oa])\b/;
const NOW =
  /\b(?:agora(?! (?:esta|estou|ta|estamos) (?:bem|otim|controlad|em \d))|ainda|de novo|novamente|voltou|voltando|piorou|piorando|continua|continuo|neste momento|nesse momento|desde (?:ontem|hoje|cedo|a|o|que)|de repente|do nada|acabou de|acabei de|socorro)\b/;

const HABITUAL = /\b(?:fico|fica|ficam|costumo|costuma|sempre que|toda vez que|todas as vezes|de vez em quando|as vezes quando)\b/;

/**
 * Something that happens habitually ("fico confusa quando faço jejum", "toda vez que subo escada") is
 * a question for a consultation, not an emergency now — except thoughts of suicide and violence,
 * where "às vezes penso em me matar" and "ele sempre me bate" are the alarm.
 */
export function habitual(sentence: string): boolean {
  return HABITUAL.test(sentence) && !NOW.test(sentence);
}

/** The match sits in a clause about the past, or in a sentence that says it is over. */
export function pastOrTreated(clause: string, sentence: string): boolean {
  if (PAST_TIME.test(clause) && !NOW.test(clause)) return true;
  return RESOLVED.test(sentence) && !NOW.test(sentence);
}

const INFO_START =
  /^\s*(?:e |mas |entao |oi |ola |bom dia |boa tarde |boa noite |doutor |doutora )?(?:quais|qual|como|o que|oque|por que|porque|pq|quando|quanto|quantos|quantas|quantidade|onde|sera que|existe|tem como|e verdade|e normal|e perigoso|e grave)\b/;
const INFO_ANYWHERE =
  /\b(?:sinais de|sintomas de|sinais do|sintomas do|sinais da|sintomas da|como saber se|como identificar|como reconhecer|como diferenciar|como evitar|como prevenir|o que fazer (?:se|quando|em caso|durante|numa|num|com)|primeiros socorros|em caso de|caso (?:eu|ele|ela|alguem) |se (?:eu |ele |ela |alguem |a pessoa |meu \w+ |minha \w+ )?(?:tiver|tivesse|sentir|estiver|ficar|comecar|tomar|engolir|beber|desmaiar|acontecer)\b)/;
const INFO_ASKED =
  /\b(?:e normal|e perigoso|e grave|e sempre|pode ser|podem ser|pode virar|pode causar|pode dar|podem causar|causa|causam|serve|servem|ajuda|ajudam|previne|previnem|evita|significa|o que e|tem cura|vacina|a partir de quanto)\b/;
const GENERIC_SUBJECT = /\b(?:alguem|uma pessoa|a pessoa|as pessoas|um paciente|uma crianca|um bebe|o idoso|um idoso)\b/;
const ACTION_ASKED = /\b(?:tomar|tomo|remedio|remedios|medicamento|faco|devo fazer|devo tomar|alivia|aliviar|passar a dor|fazer agora)\b/;
/** Words that put the writer (or someone with them) in the situation now. */
const PERSONAL_NOW =
  /\b(?:estou|sinto|sentindo|agora|acabei|acabou|neste momento|nesse momento|socorro|urgente)\b|\b(?:esta|estao) (?:com|tendo|sentindo|sangrando|vomitando|convulsionando|desmaiad\w*|inconsciente|sem|muito|toda|todo)\b/;

/** An information question or a hypothetical, not someone living it now. */
export function informational(sentence: string): boolean {
  // "como saber se alguém está tendo um AVC?": someone in general, not someone here.
  if (INFO_ANYWHERE.test(sentence) && GENERIC_SUBJECT.test(sentence) && !/\b(?:agora|socorro|urgente)\b/.test(sentence)) return true;
  if (PERSONAL_NOW.test(sentence)) return false;
  // "qual remédio tomar para dor no peito?" asks what to do about a symptom someone has.
  if (ACTION_ASKED.test(sentence)) return false;
  if (INFO_START.test(sentence) || INFO_ANYWHERE.test(sentence)) return true;
  return sentence.includes('?') && INFO_ASKED.test(sentence);
}
