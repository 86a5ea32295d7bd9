// Routing of an incoming WhatsApp message to an analysis, and formatting of each result type for
// WhatsApp: *bold* markup, plain lines, at most 4096 characters (the Cloud API's text body limit),
// cut at a line or word boundary with "…" rather than mid-word.
import { detectUrgency } from '../assistant/urgency.ts';
import { foldText } from '../text/fold.ts';

export const WHATSAPP_MAX_CHARS = 4096;

export type WhatsappRoute = 'sofia_image' | 'medical_exam' | 'meal_plan' | 'unified_assistant';

export interface IncomingWhatsapp {
  from: string;
  text?: string;
  media?: { mime: string; base64?: string; url?: string };
}

const EXAM_WORDS = /\b(exames?|laudos?|resultados?|hemograma|check-?up)\b/;
const PLAN_WORDS =
  /\b(cardapio|cardapios|plano alimentar|plano de alimentacao|dieta|dietas|plano de refeicoes|o que (devo|posso) comer|monte (um|uma) (cardapio|dieta|plano))\b/;

/**
 * image/* → sofia_image, unless the caption speaks of an exam (a photo of a lab report);
 * application/pdf → medical_exam; text asking for a cardápio/dieta → meal_plan; anything else,
 * and any text with urgent symptoms, → unified_assistant (which owns the urgent answer).
 */
export function routeWhatsappMessage(msg: IncomingWhatsapp): WhatsappRoute {
  const text = foldText(msg.text ?? '');
  const mime = msg.media?.mime.toLowerCase() ?? '';
  if (text && detectUrgency(msg.text ?? '').urgent) return 'unified_assistant';
  if (mime === 'application/pdf') return 'medical_exam';
  if (mime.startsWith('image/')) return EXAM_WORDS.test(text) ? 'medical_exam' : 'sofia_image';
  if (!msg.media && PLAN_WORDS.test(text)) return 'meal_plan';
  return 'unified_assistant';
}

/** Removes WhatsApp markup characters from text we did not write, so a food name cannot break formatting. */
export function plain(s: string): string {
  return s
    .replace(/[*_~`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters, cut at the last line break or space before the limit, ending in "…". */
export function truncateForWhatsapp(text: string, max = WHATSAPP_MAX_CHARS): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const nl = head.lastIndexOf('\n');
  const sp = head.lastIndexOf(' ');
  const cut = nl > max * 0.6 ? nl : sp > max * 0.6 ? sp : head.length;
  let out = head.slice(0, cut).trimEnd();
  // An unclosed *bold* on the last line would render the asterisk literally.
  const lastLine = out.slice(out.lastIndexOf('\n') + 1);
  if ((lastLine.match(/\*/g) ?? []).length % 2 === 1) out = out.slice(0, out.length - lastLine.length) + lastLine.replace(/\*/g, '');
  return `${out}…`;
}

function num(n: number, decimals = 0): string {
  return n.toLocaleString('pt-BR', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}

export interface FoodAnalysisReply {
  foods: Array<{ name: string; grams: number; kcal: number | null; protein_g?: number | null; carbs_g?: number | null; fat_g?: number | null }>;
  totals: { kcal: number; protein_g: number; carbs_g: number; fat_g: number; incomplete?: string[] };
  comment?: string;
}

export function formatFoodAnalysis(r: FoodAnalysisReply): string {
  if (r.foods.length === 0) return 'Não consegui identificar alimentos nesta foto. Tente uma foto de cima, com boa luz e o prato inteiro.';
  const lines = ['🍽️ *Análise da refeição*', ''];
  for (const f of r.foods) lines.push(`• ${plain(f.name)} (~${num(f.grams)} g): ${f.kcal === null ? 'energia não disponível' : `${num(f.kcal)} kcal`}`);
  lines.push('');
  const inc = r.totals.incomplete && r.totals.incomplete.length > 0;
  lines.push(`*Total${inc ? ' (parcial)' : ''}:* ${num(r.totals.kcal)} kcal`);
  lines.push(`Proteínas ${num(r.totals.protein_g, 1)} g · Carboidratos ${num(r.totals.carbs_g, 1)} g · Gorduras ${num(r.totals.fat_g, 1)} g`);
  if (inc) lines.push('_Alguns valores não constam da tabela TACO; o total real pode ser maior._');
  if (r.comment) lines.push('', plain(r.comment));
  lines.push('', 'Porções estimadas pela foto; valores da tabela TACO (NEPA/UNICAMP).');
  return truncateForWhatsapp(lines.join('\n'));
}

export interface ExamReply {
  analytes: Array<{ name: string; value: number; unit: string | null; flag: 'baixo' | 'normal' | 'alto' | 'indeterminado' }>;
  unparsed_lines?: string[];
  summary?: string;
  disclaimer: string;
}

const FLAG_ICON = { alto: '🔺', baixo: '🔻', normal: '✅', indeterminado: '❔' } as const;

export function formatExam(r: ExamReply): string {
  const lines = ['🧪 *Seu exame*', ''];
  if (r.analytes.length === 0) lines.push('Não consegui ler resultados neste arquivo.');
  const order = { alto: 0, baixo: 1, indeterminado: 2, normal: 3 } as const;
  for (const a of [...r.analytes].sort((x, y) => order[x.flag] - order[y.flag])) {
    const value = `${num(a.value, 3)}${a.unit ? ` ${a.unit}` : ''}`;
    lines.push(`${FLAG_ICON[a.flag]} ${plain(a.name)}: ${a.flag === 'normal' ? value : `*${value}* (${a.flag})`}`);
  }
  if (r.unparsed_lines && r.unparsed_lines.length > 0) lines.push('', `${r.unparsed_lines.length} linha(s) não puderam ser lidas; confira no laudo.`);
  if (r.summary) lines.push('', plain(r.summary));
  // The disclaimer is reserved before truncation so it always reaches the user.
  const tail = `\n\n_${plain(r.disclaimer)}_`;
  return truncateForWhatsapp(lines.join('\n'), WHATSAPP_MAX_CHARS - tail.length) + tail;
}

export interface PlanReply {
  days: Array<{
    day: number;
    meals: Array<{ name: string; items: Array<{ name: string; grams: number }>; totals: { kcal: number } }>;
    totals: { kcal: number; protein_g: number; carbs_g: number; fat_g: number };
  }>;
  tips?: string[];
}

export function formatMealPlan(p: PlanReply): string {
  const lines = ['🥗 *Seu cardápio*'];
  for (const d of p.days) {
    lines.push('', `*Dia ${d.day}* — ${num(d.totals.kcal)} kcal (P ${num(d.totals.protein_g)} g · C ${num(d.totals.carbs_g)} g · G ${num(d.totals.fat_g)} g)`);
    for (const m of d.meals) lines.push(`_${plain(m.name)}_: ${m.items.map((i) => `${plain(i.name)} ${num(i.grams)} g`).join(', ')}`);
  }
  if (p.tips && p.tips.length > 0) lines.push('', '*Dicas*', ...p.tips.map((t) => `• ${plain(t)}`));
  lines.push('', 'Valores da tabela TACO. Ajuste com seu nutricionista.');
  return truncateForWhatsapp(lines.join('\n'));
}

/** The assistant's text as is (models already write WhatsApp-friendly text), within the limit. */
export function formatAssistant(text: string): string {
  const t = text.trim() === '' ? 'Desculpe, não consegui responder agora. Tente de novo em instantes.' : text.trim();
  return truncateForWhatsapp(t.replace(/\*\*(.+?)\*\*/g, '*$1*'));
}
