// Urgent symptoms in pt-BR user text. When one is found the assistant answers with URGENT_ANSWER,
// whatever a model would have said: these are situations where the right answer is "get help now".
//
// Matching is on accent- and case-folded text, phrase by phrase, with the colloquial variants people
// type ("falta de ar", "nao consigo respirar", "to passando mal"…). A match is ignored when the clause
// negates it just before ("não tenho dor no peito", "sem falta de ar", "nunca pensei em me matar") —
// simple negation in the same clause only: "não sei se é dor no peito" still flags, because a false
// alarm costs a minute and a missed one can cost a life.

export type UrgencyCategory = 'cardiac' | 'breathing' | 'stroke' | 'fainting' | 'bleeding' | 'suicide' | 'overdose' | 'allergy' | 'seizure' | 'violence';

export interface UrgencyResult {
  urgent: boolean;
  categories: UrgencyCategory[];
  /** The phrases that matched, folded, for logs without the user's text. */
  matched: string[];
}

const PATTERNS: ReadonlyArray<{ category: UrgencyCategory; re: RegExp }> = [
  { category: 'cardiac', re: /\b(dor|aperto|pressao|queimacao) (forte |muito forte |intensa )?no peito\b/ },
  { category: 'cardiac', re: /\bdor no (peito|coracao) (que )?(irradia|vai|desce) (para|pro|pra) (o |a )?(braco|mandibula|queixo|costas)/ },
  { category: 'cardiac', re: /\b(infarto|infartando|ataque cardiaco|parada cardiaca)\b/ },
  { category: 'breathing', re: /\bfalta de ar (intensa|forte|muito forte|grave|severa)\b/ },
  { category: 'breathing', re: /\b(nao (consigo|to conseguindo|estou conseguindo) respirar|sem conseguir respirar|sufocando|engasgad[oa] e nao)/ },
  { category: 'breathing', re: /\b(labios|boca|dedos) (roxos?|roxas?|azuis?|azulad[oa]s?)\b/ },
  { category: 'stroke', re: /\b(rosto|boca|cara) (torto|torta|caido|caida|entortou|paralisad[oa])\b/ },
  { category: 'stroke', re: /\bfraqueza (de|em|no|na|num|numa) (um|uma) (lado|braco|perna)\b|\bfraqueza (de|no|do) lado (direito|esquerdo)\b|\b(lado|braco|perna) (direito|esquerdo|direita|esquerda) (ficou |esta |ta )?(dormente|paralisad[oa]|sem forca|fraco|fraca)\b/ },
  { category: 'stroke', re: /\bfala (enrolada|arrastada|embolada)\b|\bfalando enrolado\b|\bnao consigo falar\b/ },
  { category: 'stroke', re: /\b(avc|derrame)\b/ },
  { category: 'fainting', re: /\b(desmaiei|desmaiou|desmaio|desmaiando|desmaiar|perdi a consciencia|perdeu a consciencia|apaguei|nao acorda|inconsciente)\b/ },
  { category: 'bleeding', re: /\b(sangramento|hemorragia) (intens[oa]|fort[e]|grave|muito forte|que nao para|sem parar)\b|\bsangrando (muito|sem parar|demais)\b|\b(vomitando|vomitei|tossindo) sangue\b/ },
  { category: 'suicide', re: /\b(quero|vou|penso em|pensando em|vontade de|pensei em) (morrer|me matar|suicidar|me suicidar|acabar com (a )?minha vida|sumir para sempre)\b/ },
  { category: 'suicide', re: /\b(suicidio|suicida|me matar|tirar (a )?minha (propria )?vida|nao aguento mais viver|melhor (eu )?(morto|morta)|me cortar|me machucar)\b/ },
  { category: 'overdose', re: /\b(overdose|superdosagem|intoxicacao|envenenamento|envenenad[oa])\b/ },
  { category: 'overdose', re: /\b(tomei|tomou|engoli|engoliu|ingeri|ingeriu) (muitos|muitas|varios|varias|uma cartela|a cartela|todos os|todas as|um monte de|\d{2,})\b/ },
  { category: 'allergy', re: /\b(garganta|lingua|rosto|labios?) (esta |ta |ficou |estao )?(fechando|inchad[oa]s?|inchando)\b|\banafilaxia|choque anafilatico\b/ },
  { category: 'seizure', re: /\b(convulsao|convulsionando|convulsionou|ataque epileptico|crise convulsiva)\b/ },
  { category: 'violence', re: /\b(fui agredid[oa]|estou sendo agredid[oa]|fui estuprad[oa]|estupro|violencia domestica|me bateu|vai me matar)\b/ },
];

// A negation up to two words before the phrase ("não tenho", "nunca pensei em"), but not an
// expression of doubt ("não sei se"), which keeps the alarm.
const NEGATION = /\b(nao|nunca|sem|nem|jamais|nenhum|nenhuma)\s+(?:(?!sei\b)\S+\s+){0,2}$/;

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s.,;!?]/g, ' ')
    .replace(/\s+/g, ' ');
}

/** Looks at each clause (split on punctuation and "mas"), so a negation only reaches its own clause. */
export function detectUrgency(text: string): UrgencyResult {
  const folded = fold(text);
  const clauses = folded.split(/[.;!?\n]|,|\bmas\b|\bporem\b/);
  const categories = new Set<UrgencyCategory>();
  const matched: string[] = [];
  for (const clause of clauses) {
    for (const { category, re } of PATTERNS) {
      const m = re.exec(clause);
      if (!m) continue;
      const before = clause.slice(0, m.index);
      if (NEGATION.test(before)) continue;
      categories.add(category);
      matched.push(m[0].trim());
    }
  }
  return { urgent: categories.size > 0, categories: [...categories], matched };
}

export const URGENT_ANSWER =
  '⚠️ *Isso pode ser uma emergência.* Não espere: procure atendimento agora.\n\n' +
  '• Ligue *192* (SAMU) para atendimento médico de urgência, ou vá ao pronto-socorro mais próximo.\n' +
  '• Se houver risco à sua segurança ou violência, ligue *190* (Polícia Militar). Em acidentes, incêndio ou resgate, *193* (Bombeiros).\n' +
  '• Se você está pensando em se machucar ou em tirar a própria vida, você não está sozinho(a): ligue *188* (CVV), 24 horas, gratuito, ou acesse cvv.org.br.\n\n' +
  'Se puder, peça para alguém ficar com você. Sou um assistente virtual e não substituo atendimento médico.';
