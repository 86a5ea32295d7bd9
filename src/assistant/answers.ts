// The fixed answer to an emergency, by what it is. The right number comes first: SAMU 192 for a
// medical emergency, CVV 188 for suicide risk, Disque-Intoxicação 0800 722 6001 for poisoning (then
// SAMU), 190 for violence. Hypoglycaemia in a conscious person gets the one step that helps while
// help comes (15 g of fast sugar). Short, plain Portuguese, WhatsApp-friendly (*bold*).
import type { UrgencyCategory } from './lexicon.ts';

const SAMU = 'Ligue agora para o *SAMU 192* ou vá ao pronto-socorro mais próximo.';

const FIRST_LINE: Record<UrgencyCategory, string> = {
  cardiac: '⚠️ *Dor ou aperto no peito pode ser um infarto.*',
  breathing: '⚠️ *Falta de ar forte é uma emergência.*',
  stroke: '⚠️ *Isso pode ser um AVC (derrame). Cada minuto conta.*',
  unconscious: '⚠️ *Desmaio ou pessoa que não responde é uma emergência.*',
  bleeding: '⚠️ *Sangramento assim é uma emergência.*',
  suicide: '💛 *Você não está sozinho(a).* O que você está sentindo importa e existe ajuda agora.',
  poisoning: '⚠️ *Isso pode ser uma intoxicação.*',
  anaphylaxis: '⚠️ *Isso pode ser uma alergia grave (anafilaxia).*',
  seizure: '⚠️ *Convulsão é uma emergência.*',
  hypoglycaemia: '⚠️ *Isso parece uma hipoglicemia (açúcar baixo).*',
  hyperglycaemia: '⚠️ *Glicose muito alta com mal-estar é uma emergência.*',
  meningitis: '⚠️ *Febre com esses sinais pode ser meningite.*',
  acute_abdomen: '⚠️ *Dor forte na barriga assim precisa de avaliação urgente.*',
  burn: '⚠️ *Queimadura assim é uma emergência.*',
  heat_stroke: '⚠️ *Isso pode ser insolação grave (golpe de calor).*',
  sepsis: '⚠️ *Infecção com esses sinais pode ser grave (sepse).*',
  child_danger: '⚠️ *Esses são sinais de perigo em criança.*',
  violence: '⚠️ *Sua segurança vem primeiro.*',
};

/** What to do, in order; the first line names the number to call first. */
const STEPS: Record<UrgencyCategory, string[]> = {
  cardiac: [SAMU, 'Fique em repouso, sentado(a), e não dirija até o hospital.'],
  breathing: [SAMU, 'Fique sentado(a) e use sua bombinha de resgate, se tiver.'],
  stroke: [SAMU, 'Anote a hora em que começou e não dê nada para comer ou beber.'],
  unconscious: [SAMU, 'Se a pessoa respira, deixe-a de lado. Se não respira, o SAMU orienta a massagem no peito.'],
  bleeding: [SAMU, 'Aperte o local com um pano limpo, sem soltar, até a ajuda chegar.'],
  suicide: [
    'Ligue *188* (CVV), 24 horas, gratuito, ou converse em cvv.org.br.',
    'Se você já se machucou, tomou algo ou está em perigo agora, ligue *192* (SAMU).',
    'Se puder, afaste o que possa te ferir e chame alguém de confiança para ficar com você.',
  ],
  poisoning: [
    'Ligue para o *Disque-Intoxicação 0800 722 6001* (24 horas, gratuito) e diga o que foi tomado e quanto.',
    'Se a pessoa estiver sonolenta, desmaiada, com falta de ar ou convulsão, ligue *192* (SAMU) já.',
    'Não provoque vômito e guarde a embalagem.',
  ],
  anaphylaxis: [SAMU, 'Se houver caneta de adrenalina, use agora na coxa.'],
  seizure: [SAMU, 'Afaste objetos, deite a pessoa de lado e não coloque nada na boca dela.'],
  hypoglycaemia: [
    'Se a pessoa estiver acordada e conseguir engolir: dê *15 g de açúcar rápido* agora (1 colher de sopa de açúcar em meio copo de água, ou meio copo de suco ou refrigerante comum) e meça de novo em 15 minutos.',
    'Se não melhorar, ou se estiver confusa, sonolenta ou desmaiada, ligue *192* (SAMU) e não dê nada pela boca.',
  ],
  hyperglycaemia: [SAMU, 'Beba água se conseguir e leve o glicosímetro e a lista de remédios.'],
  meningitis: [SAMU, 'Não espere a febre baixar para procurar atendimento.'],
  acute_abdomen: [SAMU, 'Não coma, não beba e não tome remédio para dor até ser avaliado(a).'],
  burn: [SAMU, 'Deixe água corrente fria (não gelada) sobre a queimadura por 20 minutos; não passe nada nela.'],
  heat_stroke: [SAMU, 'Leve a pessoa para a sombra, afrouxe as roupas e molhe o corpo com água fria.'],
  sepsis: [SAMU, 'Diga que há uma infecção e os sinais de piora.'],
  child_danger: [SAMU, 'Leve a criança ao pronto-socorro agora, mesmo que pareça melhorar.'],
  violence: [
    'Ligue *190* (Polícia Militar) agora. Se puder, vá para um lugar seguro e tranque a porta.',
    'Se houver ferimento, ligue também *192* (SAMU). Para mulheres em situação de violência: *180*.',
  ],
};

const CLOSING = 'Sou um assistente virtual e não substituo atendimento médico.';

/** Which category leads when a message has several: who to call first. */
// Who to call first, and then the categories whose own steps matter most (adrenaline, sugar), then
// the rest: all of those call 192, so the more specific heading leads.
export const CATEGORY_PRIORITY: readonly UrgencyCategory[] = [
  'violence',
  'suicide',
  'poisoning',
  'hypoglycaemia',
  'anaphylaxis',
  'seizure',
  'child_danger',
  'meningitis',
  'heat_stroke',
  'sepsis',
  'hyperglycaemia',
  'cardiac',
  'stroke',
  'burn',
  'bleeding',
  'acute_abdomen',
  'breathing',
  'unconscious',
];

export function primaryCategory(categories: readonly UrgencyCategory[]): UrgencyCategory | null {
  for (const c of CATEGORY_PRIORITY) if (categories.includes(c)) return c;
  return null;
}

/**
 * The fixed answer: the primary category's heading and steps, then the first step (the number to
 * call) of each other category that needs a different number.
 */
export function urgentAnswer(categories: readonly UrgencyCategory[]): string {
  const primary = primaryCategory(categories);
  if (primary === null) return URGENT_ANSWER;
  const lines = [FIRST_LINE[primary], '', ...STEPS[primary].map((s) => `• ${s}`)];
  const said = new Set(STEPS[primary].join(' ').match(/\*[^*]*\d[^*]*\*/g) ?? []);
  for (const c of CATEGORY_PRIORITY) {
    if (c === primary || !categories.includes(c)) continue;
    const first = STEPS[c][0]!;
    const numbers = first.match(/\*[^*]*\d[^*]*\*/g) ?? [];
    if (numbers.every((n) => said.has(n)) && c !== 'hypoglycaemia') continue;
    for (const n of numbers) said.add(n);
    lines.push(`• ${first}`);
  }
  lines.push('', CLOSING);
  return lines.join('\n');
}

/** The generic answer, for an alarm without a known category (kept for callers of the old API). */
export const URGENT_ANSWER =
  '⚠️ *Isso pode ser uma emergência.* Não espere: procure atendimento agora.\n\n' +
  '• Ligue *192* (SAMU) para atendimento médico de urgência, ou vá ao pronto-socorro mais próximo.\n' +
  '• Se houver risco à sua segurança ou violência, ligue *190* (Polícia Militar). Em acidentes, incêndio ou resgate, *193* (Bombeiros).\n' +
  '• Se você está pensando em se machucar ou em tirar a própria vida, você não está sozinho(a): ligue *188* (CVV), 24 horas, gratuito, ou acesse cvv.org.br.\n\n' +
  'Se puder, peça para alguém ficar com você. ' +
  CLOSING;
