// whatsapp_message: one incoming WhatsApp message → the routed analysis, run here in-process
// (through its cache, so a retry after a failed send does not pay for the models twice) → a reply
// formatted for WhatsApp → sent through the Cloud API.
//
// The user on WhatsApp is waiting for an answer, so an analysis that cannot succeed (a plan that
// cannot be built, an unreadable PDF) is answered with a short explanation instead of silence; one
// that may succeed later (models down) retries, and on the job's last attempt the user is told to
// try again later. A send that fails is retried by the queue; the job fails only when attempts run out.
import { HANDLER_VERSIONS } from '../cache/key.ts';
import { InvalidInputError, JobError, PermanentError, toUserError, userMessageOf } from '../errors.ts';
import {
  formatAssistant,
  formatExam,
  formatFoodAnalysis,
  formatMealPlan,
  routeWhatsappMessage,
  truncateForWhatsapp,
  type WhatsappRoute,
} from '../messaging/whatsapp-format.ts';
import { foldText } from '../text/fold.ts';
import {
  EXAM_DOCUMENT_MIMES,
  validateInput,
  type ExamDocumentMime,
  type MealPlanInput,
  type MealRestriction,
  type WhatsappMessageInput,
} from '../job-inputs/index.ts';
import { analyseMealPlan } from './meal-plan.ts';
import { analyseMedicalExam } from './medical-exam.ts';
import {
  analysisContext,
  isCancellation,
  requiredStepError,
  toHandlerResult,
  validateOptions,
  type AnalysisContext,
  type AnalysisDeps,
  type AnalysisOutcome,
} from './shared/analysis.ts';
import { downloadImage, mediaUrlPolicy } from './shared/image.ts';
import { bytesToBase64 } from '../bytes/base64.ts';
import { analyseSofiaImage } from './sofia-image.ts';
import type { JobHandler } from './types.ts';
import { answerAssistant } from './unified-assistant.ts';
import { hasCode, hasCodeIn, MEDIA_PROBLEM_CODES } from '../error-codes.ts';

export interface WhatsappResult {
  route: WhatsappRoute;
  reply: string;
  delivery: { status: 'sent'; message_id: string };
  /** Present when the analysis could not be done and the reply explains why. */
  analysis_error?: { code: string; message: string };
}

export const WHATSAPP_TIMEOUT_MS = 180_000;
/** Days a plan asked for by WhatsApp may span: a longer one does not fit in one message. */
export const WHATSAPP_MAX_PLAN_DAYS = 3;

const TEXT_ONLY_REPLY = 'Por enquanto eu entendo mensagens de texto, fotos de refeições e exames (foto ou PDF). Pode me escrever ou mandar uma foto?';
const TRY_LATER_REPLY = 'Desculpe, nossos serviços de análise estão instáveis agora e não consegui concluir seu pedido. Tente de novo em alguns minutos.';

/** A meal-plan request in free text: energy, days, meals and restrictions when stated; defaults otherwise. */
export function mealPlanFromText(text: string): MealPlanInput {
  const t = foldText(text);
  const int = (re: RegExp) => {
    const m = re.exec(t);
    return m ? Number(m[1]!.replace(/\./g, '')) : undefined;
  };
  const clamp = (v: number | undefined, lo: number, hi: number, def: number) => (v === undefined || !Number.isFinite(v) ? def : Math.min(hi, Math.max(lo, v)));
  const kcal = int(/(\d{1,2}\.?\d{3})\s*(?:kcal|calorias|cal)\b/);
  const days = /\bsemana\b/.test(t) ? WHATSAPP_MAX_PLAN_DAYS : int(/\b(\d{1,2})\s*dias?\b/);
  const meals = int(/\b(\d)\s*refeic/);
  const restrictions: MealRestriction[] = [];
  if (/\bvegan[oa]s?\b/.test(t)) restrictions.push('vegan');
  else if (/\bvegetarian[oa]s?\b/.test(t)) restrictions.push('vegetarian');
  if (/lactose/.test(t)) restrictions.push('lactose_free');
  if (/gluten|celiac/.test(t)) restrictions.push('gluten_free');
  if (/pouco sal|baixo sodio|sem sal|hipertens|pressao alta/.test(t)) restrictions.push('low_sodium');
  if (/diabet/.test(t)) restrictions.push('diabetic');
  return {
    kcal_target: clamp(kcal, 1000, 5000, 2000),
    meals_per_day: clamp(meals, 3, 6, 5),
    days: clamp(days, 1, WHATSAPP_MAX_PLAN_DAYS, 1),
    ...(restrictions.length ? { restrictions } : {}),
  };
}

/** What the user reads when the analysis itself is impossible; our own messages are already pt-BR. */
function explainFailure(route: WhatsappRoute, err: JobError): string {
  if (hasCode(err, 'infeasible')) return truncateForWhatsapp(`Não consegui montar um cardápio com esse pedido: ${userMessageOf(err)}`);
  if (err instanceof InvalidInputError) {
    return route === 'sofia_image' || route === 'medical_exam'
      ? 'Não consegui abrir este arquivo. Envie uma foto (JPEG, PNG ou WebP) ou um PDF do laudo, com até alguns megabytes.'
      : 'Não consegui entender esta mensagem. Pode reformular?';
  }
  if (hasCodeIn(err, MEDIA_PROBLEM_CODES)) {
    return `Não consegui analisar: ${userMessageOf(err)}.`;
  }
  return 'Não consegui concluir esta análise. Tente de novo com outra foto ou mensagem.';
}

/** Sub-input problems are reported at the WhatsApp input's own paths. */
function remapFields(err: unknown, map: Record<string, string>): unknown {
  if (!(err instanceof InvalidInputError)) return err;
  return new InvalidInputError(
    err.message,
    (err.fields ?? []).map((f) => map[f] ?? 'input.media'),
  );
}

async function runRoute(
  deps: AnalysisDeps,
  route: WhatsappRoute,
  input: WhatsappMessageInput,
  actx: AnalysisContext,
): Promise<{ outcome: AnalysisOutcome<unknown>; reply: string }> {
  const opts = validateOptions(deps.config);
  const media = input.media;
  switch (route) {
    case 'sofia_image': {
      const sub = media?.base64 !== undefined ? { image_base64: media.base64 } : { image_url: media?.url };
      let parsed;
      try {
        parsed = validateInput('sofia_image', sub, opts);
      } catch (err) {
        throw remapFields(err, { 'input.image_base64': 'input.media.base64', 'input.image_url': 'input.media.url' });
      }
      const outcome = await analyseSofiaImage(deps, parsed, actx);
      const r = outcome.result;
      const reply = formatFoodAnalysis({ foods: r.foods, totals: r.totals, ...(r.comment ? { comment: r.comment } : {}) });
      return { outcome, reply };
    }
    case 'medical_exam': {
      let document_base64 = media?.base64;
      let mime = media?.mime ?? '';
      if (document_base64 === undefined && media?.url !== undefined) {
        const got = await downloadImage(media.url, {
          maxBytes: deps.config.maxImageBytes,
          allowHttp: deps.config.allowHttpImageUrls,
          signal: actx.signal,
          accept: EXAM_DOCUMENT_MIMES,
          policy: mediaUrlPolicy(deps.config),
        });
        document_base64 = bytesToBase64(got.bytes);
        mime = got.mime;
      }
      let parsed;
      try {
        parsed = validateInput('medical_exam', { document_base64, mime: mime as ExamDocumentMime }, opts);
      } catch (err) {
        throw remapFields(err, { 'input.document_base64': 'input.media.base64', 'input.mime': 'input.media.mime' });
      }
      const outcome = await analyseMedicalExam(deps, parsed, actx);
      return { outcome, reply: formatExam(outcome.result) };
    }
    case 'meal_plan': {
      const parsed = validateInput('meal_plan', mealPlanFromText(input.text ?? ''), opts);
      const outcome = await analyseMealPlan(deps, parsed, actx);
      return { outcome, reply: formatMealPlan(outcome.result) };
    }
    case 'unified_assistant': {
      if (!input.text || input.text.trim() === '') return { outcome: { result: null, cached: false }, reply: TEXT_ONLY_REPLY };
      const outcome = await answerAssistant(deps, { messages: [{ role: 'user', content: input.text }] }, actx);
      return { outcome, reply: formatAssistant(outcome.result.reply) };
    }
  }
}

export async function handleWhatsappMessage(
  deps: AnalysisDeps,
  input: WhatsappMessageInput,
  actx: AnalysisContext,
  /** Called right after the send, before anything else can fail: records the delivery (at most once). */
  onSent?: (result: WhatsappResult) => Promise<unknown>,
): Promise<AnalysisOutcome<WhatsappResult>> {
  const route = routeWhatsappMessage(input);
  let reply: string;
  let outcome: AnalysisOutcome<unknown> | undefined;
  let analysisError: WhatsappResult['analysis_error'];
  try {
    ({ outcome, reply } = await runRoute(deps, route, input, actx));
  } catch (err) {
    if (isCancellation(err, actx.signal) || !(err instanceof JobError)) throw err;
    const lastAttempt = actx.attempt >= actx.maxAttempts;
    if (err.kind === 'permanent') reply = explainFailure(route, err);
    else if (lastAttempt) reply = TRY_LATER_REPLY;
    else throw err;
    analysisError = { code: err.code, message: toUserError(err).message };
  }

  let sent;
  try {
    sent = await deps.providers.whatsapp.sendText({ to: input.from, body: reply, signal: actx.signal, calls: actx.calls });
  } catch (err) {
    throw requiredStepError(err, 'whatsapp_send_failed', 'a resposta não pôde ser enviada pelo WhatsApp');
  }
  const result: WhatsappResult = { route, reply, delivery: { status: 'sent', message_id: sent.messageId } };
  if (analysisError) result.analysis_error = analysisError;
  await onSent?.(result);
  return { result, provider: outcome?.provider ?? 'whatsapp', model: outcome?.model ?? 'cloud-api', cached: false };
}

export function whatsappMessageHandler(deps: AnalysisDeps): JobHandler {
  return {
    type: 'whatsapp_message',
    version: HANDLER_VERSIONS.whatsapp_message,
    timeoutMs: WHATSAPP_TIMEOUT_MS,
    async run(input, ctx) {
      // Defence in depth behind the gateway's type check: only the signed webhook's service identity
      // owns WhatsApp jobs. Any other owner (a row written by a user some other way) would make the
      // business's number message a phone that user chose, so it fails before anything is sent.
      if (ctx.userId.toLowerCase() !== deps.config.safety.whatsappServiceUserId) {
        throw new PermanentError('forbidden_owner', 'a whatsapp_message job not owned by the WhatsApp service identity', {
          userMessage: 'esta mensagem não pode ser enviada: o pedido não veio do canal oficial do WhatsApp',
        });
      }
      const parsed = validateInput('whatsapp_message', input, validateOptions(deps.config));
      // Every WhatsApp job has the same owner (the service identity): personal cache entries are the
      // sender's, so one sender's photo or exam is never another sender's hit.
      const actx = { ...analysisContext(ctx), cacheScope: `whatsapp:${parsed.from}` };
      // Sent by an earlier attempt (lost lease, crash after the send, a timed-out attempt): the user
      // has the answer already; this attempt only completes the job with it (issue 15).
      const delivered = ctx.delivery as WhatsappResult | undefined;
      if (delivered?.delivery?.status === 'sent') return { result: delivered, provider: 'whatsapp', model: 'cloud-api' };
      return toHandlerResult(await handleWhatsappMessage(deps, parsed, actx, ctx.recordDelivery), actx.calls);
    },
  };
}
