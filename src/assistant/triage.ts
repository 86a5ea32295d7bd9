// The two layers, the safe way. The deterministic detector (urgency.ts) always runs and decides
// alone when it fires. When it stays calm and a text model is available, a triage prompt with a
// structured answer ({urgent, category}) is a second opinion that runs next to the ordinary answer:
// - the model can raise the alarm, never clear it (it is not even asked when the detector fired);
// - it has a tight deadline: a model that is down, slow or answers nonsense leaves the detector alone
//   in charge, and the turn goes on as if no model had been asked;
// - the ordinary answer is started at the same time and dropped (its request aborted) if the model
//   says "urgent", so a calm turn waits for max(answer, min(triage, deadline)), not for their sum.
// Nothing of the message reaches a log: the assessment carries categories, sources and rule ids.
import type { ChatMessage, TextRequest, TextResult } from '../providers/index.ts';
import type { JsonSchema } from '../providers/types.ts';
import { URGENCY_CATEGORIES, type UrgencyCategory } from './lexicon.ts';
import { detectUrgency, type UrgencyResult } from './urgency.ts';

export const TRIAGE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    urgent: { type: 'boolean', description: 'true se a mensagem descreve uma emergência acontecendo agora' },
    category: { type: 'string', enum: [...URGENCY_CATEGORIES, 'none'] },
  },
  required: ['urgent', 'category'],
};

export const TRIAGE_SYSTEM =
  'Você faz a triagem de mensagens enviadas a um app de saúde brasileiro. Decida se a mensagem descreve uma ' +
  'emergência médica, risco de suicídio, intoxicação ou violência acontecendo agora, com quem escreve ou com outra ' +
  'pessoa. Perguntas de informação, fatos passados já resolvidos e expressões como "morrendo de fome" não são ' +
  'emergência. Na dúvida, considere urgente. Responda só com o JSON pedido: urgent (true/false) e category ' +
  `(uma de: ${URGENCY_CATEGORIES.join(', ')}; "none" quando não for urgente).`;

/** Earlier turns the model sees with the message it judges. */
export const TRIAGE_HISTORY_TURNS = 4;

export interface TriageOpinion {
  urgent: boolean;
  category: UrgencyCategory | null;
  provider: string;
  model: string;
}

/** Reads the model's JSON; anything but a clear {urgent: boolean} is no opinion at all. */
export function readOpinion(json: unknown): { urgent: boolean; category: UrgencyCategory | null } | null {
  if (!json || typeof json !== 'object') return null;
  const { urgent, category } = json as { urgent?: unknown; category?: unknown };
  if (typeof urgent !== 'boolean') return null;
  const cat = typeof category === 'string' && (URGENCY_CATEGORIES as readonly string[]).includes(category) ? (category as UrgencyCategory) : null;
  return { urgent, category: urgent ? cat : null };
}

export type TextCall = (req: TextRequest) => Promise<TextResult>;

/** One triage request; null when the model is down, slow (the signal fired) or unreadable. */
export async function askTriage(
  text: TextCall,
  message: string,
  signal: AbortSignal,
  calls?: TextRequest['calls'],
  history: readonly ChatMessage[] = [],
): Promise<TriageOpinion | null> {
  try {
    const answer = await text({
      system: TRIAGE_SYSTEM,
      // The turns just before give "e agora, o que eu faço?" its meaning; only the last is judged.
      messages: [...history.slice(-TRIAGE_HISTORY_TURNS).map((m) => ({ role: m.role, content: m.content })), { role: 'user', content: message }],
      jsonSchema: TRIAGE_SCHEMA,
      signal,
      ...(calls ? { calls } : {}),
    });
    const opinion = readOpinion(answer.json);
    return opinion ? { ...opinion, provider: answer.provider, model: answer.model } : null;
  } catch {
    return null;
  }
}

/** What the turn knows about urgency, safe to store in the result and to log. */
export interface UrgencyAssessment {
  urgent: boolean;
  /** The category the answer leads with. */
  category: UrgencyCategory | null;
  categories: UrgencyCategory[];
  /** Who raised the alarm. */
  source: 'detector' | 'model' | null;
  /** What the second opinion did: not asked (off, or the detector had fired), calm, raised, or no answer in time. */
  model: 'off' | 'not_asked' | 'calm' | 'raised' | 'unavailable';
  /** Detector rule ids that fired (never the user's words). */
  rules: string[];
}

export interface TriageOptions {
  /** The text chain; absent = the second opinion is off. */
  text?: TextCall | undefined;
  /** Deadline of the second opinion; 0 = off. */
  timeoutMs: number;
  /** The job's signal: cancelling the job cancels both requests. */
  signal: AbortSignal;
  calls?: TextRequest['calls'];
  /** The conversation before the message (user and assistant turns), for the model's context. */
  history?: readonly ChatMessage[];
}

export type TurnOutcome<T> = { kind: 'urgent'; assessment: UrgencyAssessment } | { kind: 'answer'; value: T; assessment: UrgencyAssessment };

function fromDetector(d: UrgencyResult, model: UrgencyAssessment['model']): UrgencyAssessment {
  return { urgent: d.urgent, category: d.category, categories: d.categories, source: d.urgent ? 'detector' : null, model, rules: d.matched };
}

/** An AbortController that follows `parent`, and a way to stop following it. */
function childController(parent: AbortSignal): { ctl: AbortController; release: () => void } {
  const ctl = new AbortController();
  const onAbort = () => ctl.abort(parent.reason);
  if (parent.aborted) ctl.abort(parent.reason);
  else parent.addEventListener('abort', onAbort, { once: true });
  return { ctl, release: () => parent.removeEventListener('abort', onAbort) };
}

/**
 * Runs one assistant turn: the detector first (alarm → no model at all), then the ordinary answer
 * and the model's second opinion side by side. Either the urgent outcome or the answer comes back;
 * an answer that failed is rethrown only when the second opinion did not raise the alarm.
 */
/** How long a cut triage request may take to unwind before the turn goes on without its record. */
const TRIAGE_UNWIND_MS = 200;

async function settledWithin(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    p.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}

export async function turnWithTriage<T>(message: string, opts: TriageOptions, answer: (signal: AbortSignal) => Promise<T>): Promise<TurnOutcome<T>> {
  const detected = detectUrgency(message);
  if (detected.urgent) return { kind: 'urgent', assessment: fromDetector(detected, opts.text && opts.timeoutMs > 0 ? 'not_asked' : 'off') };
  if (!opts.text || opts.timeoutMs <= 0 || message.trim() === '') {
    return { kind: 'answer', value: await answer(opts.signal), assessment: fromDetector(detected, 'off') };
  }

  const answerCtl = childController(opts.signal);
  const triageCtl = childController(opts.signal);
  const answered = answer(answerCtl.ctl.signal).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      triageCtl.ctl.abort(new Error('triage deadline'));
      resolve(null);
    }, opts.timeoutMs);
  });
  let opinion: TriageOpinion | null;
  const triage = askTriage(opts.text, message, triageCtl.ctl.signal, opts.calls, opts.history);
  try {
    // The race returns on time even if a client ignores its signal.
    opinion = await Promise.race([triage, deadline]);
  } finally {
    clearTimeout(timer);
    triageCtl.release();
    if (!triageCtl.ctl.signal.aborted) triageCtl.ctl.abort(new Error('triage done'));
  }
  // A request cut at the deadline records itself in the job's provider calls as it unwinds (its
  // abort settles it at once); wait for that, briefly, so the record is complete when the job settles.
  await settledWithin(triage, TRIAGE_UNWIND_MS);

  if (opinion?.urgent && !opts.signal.aborted) {
    answerCtl.ctl.abort(new Error('urgent: the ordinary answer is not needed'));
    answerCtl.release();
    await answered; // settle it (aborted) so nothing runs after the turn
    const categories: UrgencyCategory[] = opinion.category ? [opinion.category] : [];
    return { kind: 'urgent', assessment: { urgent: true, category: opinion.category, categories, source: 'model', model: 'raised', rules: [] } };
  }
  const done = await answered;
  answerCtl.release();
  if (!done.ok) throw done.error;
  return { kind: 'answer', value: done.value, assessment: fromDetector(detected, opinion ? 'calm' : 'unavailable') };
}
