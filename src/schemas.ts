// Input schemas for the six job types, shared by the gateway (Deno) and the worker (Node), so a
// request is judged the same way at the door and at the worker. Hand-written on purpose: no library
// to bundle into edge functions, and every problem is reported at once with its field path
// (`input.messages[2].role`) instead of stopping at the first.
//
// Untrusted input rules, applied everywhere: only plain objects and arrays; no `__proto__`,
// `constructor` or `prototype` keys (prototype pollution through later merges); no NUL bytes in any
// string (Postgres text rejects them and they hide content from logs); no unknown keys in the
// objects this module defines. Nothing but InvalidInputError is ever thrown for bad input.
import { InvalidInputError } from './errors.ts';
import { bareBase64, base64ToBytes, decodedBase64Length } from './bytes/base64.ts';

export const JOB_TYPES = ['sofia_image', 'medical_exam', 'unified_assistant', 'meal_plan', 'whatsapp_message', 'healthcheck'] as const;
export type JobType = (typeof JOB_TYPES)[number];

export const MEAL_RESTRICTIONS = ['vegetarian', 'vegan', 'lactose_free', 'gluten_free', 'low_sodium', 'diabetic'] as const;
export type MealRestriction = (typeof MEAL_RESTRICTIONS)[number];

export const MEAL_TYPES = ['cafe_da_manha', 'almoco', 'lanche', 'jantar', 'ceia', 'breakfast', 'lunch', 'snack', 'dinner'] as const;
export type MealType = (typeof MEAL_TYPES)[number];

export const IMAGE_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMime = (typeof IMAGE_MIMES)[number];
export const EXAM_DOCUMENT_MIMES = ['application/pdf', ...IMAGE_MIMES] as const;
export type ExamDocumentMime = (typeof EXAM_DOCUMENT_MIMES)[number];

export interface SofiaImageInput {
  image_base64?: string;
  image_url?: string;
  meal_type?: MealType;
  /** Set by validation from the decoded bytes when image_base64 is given. */
  image_mime?: ImageMime;
}

/** Optional patient data that picks sex- and age-specific reference ranges when the report prints none. */
export interface ExamPatient {
  sex?: 'M' | 'F';
  /** YYYY-MM-DD */
  birth_date?: string;
}
export type MedicalExamInput = ({ text: string } | { document_base64: string; mime: ExamDocumentMime }) & ExamPatient;

/** What a client may send: its user's turns and the assistant's earlier answers, never a system prompt. */
export interface ClientChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface UnifiedAssistantInput {
  messages: ClientChatTurn[];
  context?: Record<string, unknown>;
}

export interface MealPlanInput {
  kcal_target: number;
  meals_per_day: number;
  days: number;
  restrictions?: MealRestriction[];
  macros?: { protein_pct: number; carbs_pct: number; fat_pct: number };
  exclude_foods?: string[];
}

export interface WhatsappMedia {
  mime: string;
  base64?: string;
  url?: string;
}

export interface WhatsappMessageInput {
  from: string;
  text?: string;
  media?: WhatsappMedia;
}

export interface HealthcheckInput {
  delay_ms?: number;
  fail_times?: number;
}

export interface JobInputs {
  sofia_image: SofiaImageInput;
  medical_exam: MedicalExamInput;
  unified_assistant: UnifiedAssistantInput;
  meal_plan: MealPlanInput;
  whatsapp_message: WhatsappMessageInput;
  healthcheck: HealthcheckInput;
}

export interface ValidateOptions {
  /** Decoded size limit for images (sofia_image, exam images, WhatsApp media). Default 8 MB. */
  maxImageBytes?: number;
  /** Decoded size limit for exam PDFs. Default 8 MB. */
  maxDocumentBytes?: number;
  /** Accept http:// URLs (local emulators only). Default false: https only. */
  allowHttp?: boolean;
}

export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
export const MAX_EXAM_TEXT_BYTES = 100 * 1024;
export const MAX_MESSAGES = 50;
export const MAX_MESSAGE_CHARS = 8000;
const MAX_CONTEXT_JSON_CHARS = 32 * 1024;
const MAX_URL_CHARS = 2048;
const MAX_WHATSAPP_TEXT_CHARS = 4096;

export function isJobType(v: unknown): v is JobType {
  return typeof v === 'string' && (JOB_TYPES as readonly string[]).includes(v);
}

type Problems = Array<{ path: string; message: string }>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Walks any value for the rules that hold everywhere; reports and returns whether it is clean. */
function scanUntrusted(v: unknown, path: string, problems: Problems, depth = 0): boolean {
  if (depth > 32) {
    problems.push({ path, message: 'nested too deeply' });
    return false;
  }
  if (typeof v === 'string') {
    if (v.includes('\u0000')) {
      problems.push({ path, message: 'must not contain NUL bytes' });
      return false;
    }
    return true;
  }
  if (v === null || typeof v === 'number' || typeof v === 'boolean') {
    if (typeof v === 'number' && !Number.isFinite(v)) {
      problems.push({ path, message: 'must be a finite number' });
      return false;
    }
    return true;
  }
  if (Array.isArray(v)) {
    let ok = true;
    v.forEach((item, i) => {
      ok = scanUntrusted(item, `${path}[${i}]`, problems, depth + 1) && ok;
    });
    return ok;
  }
  if (!isPlainObject(v)) {
    problems.push({ path, message: 'must be a plain JSON value' });
    return false;
  }
  let ok = true;
  for (const key of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(key)) {
      problems.push({ path: `${path}.${key}`, message: 'forbidden key' });
      ok = false;
      continue;
    }
    ok = scanUntrusted(v[key], `${path}.${key}`, problems, depth + 1) && ok;
  }
  return ok;
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string, problems: Problems): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key) && !FORBIDDEN_KEYS.has(key)) problems.push({ path: `${path}.${key}`, message: 'unknown field' });
  }
}

function has(obj: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined;
}

function intIn(obj: Record<string, unknown>, key: string, min: number, max: number, path: string, problems: Problems, required: boolean): number | undefined {
  if (!has(obj, key)) {
    if (required) problems.push({ path: `${path}.${key}`, message: 'is required' });
    return undefined;
  }
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    problems.push({ path: `${path}.${key}`, message: `must be an integer from ${min} to ${max}` });
    return undefined;
  }
  return v;
}

function str(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  problems: Problems,
  opts: { required: boolean; maxChars: number; nonEmpty?: boolean },
): string | undefined {
  if (!has(obj, key)) {
    if (opts.required) problems.push({ path: `${path}.${key}`, message: 'is required' });
    return undefined;
  }
  const v = obj[key];
  if (typeof v !== 'string') {
    problems.push({ path: `${path}.${key}`, message: 'must be a string' });
    return undefined;
  }
  if ((opts.nonEmpty ?? true) && v.trim() === '') {
    problems.push({ path: `${path}.${key}`, message: 'must not be empty' });
    return undefined;
  }
  if (v.length > opts.maxChars) {
    problems.push({ path: `${path}.${key}`, message: `must be at most ${opts.maxChars} characters` });
    return undefined;
  }
  return v;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[]): v is T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v);
}

// --- binary payloads --------------------------------------------------------------------------

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** The file type from its first bytes; the declared MIME type is never trusted alone. */
export function sniffMime(bytes: Uint8Array): ImageMime | 'application/pdf' | undefined {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b(i) === v)) return 'image/png';
  const ascii = (from: number, len: number) => String.fromCharCode(...bytes.subarray(from, from + len));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return 'image/webp';
  if (bytes.length >= 5 && ascii(0, 5) === '%PDF-') return 'application/pdf';
  return undefined;
}

/** Validates base64 text and returns the decoded bytes, or undefined after reporting the problem. */
function checkBase64(v: string, path: string, maxBytes: number, problems: Problems): Uint8Array | undefined {
  const b64 = bareBase64(v);
  if (b64.length === 0 || b64.length % 4 !== 0 || !BASE64_RE.test(b64)) {
    problems.push({ path, message: 'must be valid base64' });
    return undefined;
  }
  const size = decodedBase64Length(b64);
  if (size > maxBytes) {
    problems.push({ path, message: `decoded size ${size} bytes exceeds the limit of ${maxBytes} bytes` });
    return undefined;
  }
  try {
    return base64ToBytes(b64);
  } catch {
    problems.push({ path, message: 'must be valid base64' });
    return undefined;
  }
}

function checkUrl(v: string, path: string, allowHttp: boolean, problems: Problems): string | undefined {
  if (v.length > MAX_URL_CHARS) {
    problems.push({ path, message: `must be at most ${MAX_URL_CHARS} characters` });
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    problems.push({ path, message: 'must be an absolute URL' });
    return undefined;
  }
  const okProtocol = url.protocol === 'https:' || (allowHttp && url.protocol === 'http:');
  if (!okProtocol) {
    problems.push({ path, message: allowHttp ? 'must be an http(s) URL' : 'must be an https URL' });
    return undefined;
  }
  if (url.username || url.password) {
    problems.push({ path, message: 'must not carry credentials' });
    return undefined;
  }
  return v;
}

// --- per type ---------------------------------------------------------------------------------

interface Ctx {
  problems: Problems;
  maxImageBytes: number;
  maxDocumentBytes: number;
  allowHttp: boolean;
}

function sofiaImage(o: Record<string, unknown>, ctx: Ctx): SofiaImageInput {
  const { problems } = ctx;
  checkKeys(o, ['image_base64', 'image_url', 'meal_type'], 'input', problems);
  const out: SofiaImageInput = {};
  const hasB64 = has(o, 'image_base64');
  const hasUrl = has(o, 'image_url');
  if (hasB64 === hasUrl) {
    problems.push({ path: hasB64 ? 'input.image_url' : 'input.image_base64', message: 'give exactly one of image_base64 or image_url' });
  } else if (hasB64) {
    const v = o.image_base64;
    if (typeof v !== 'string') problems.push({ path: 'input.image_base64', message: 'must be a string' });
    else {
      const bytes = checkBase64(v, 'input.image_base64', ctx.maxImageBytes, problems);
      if (bytes) {
        const mime = sniffMime(bytes);
        if (mime === undefined || mime === 'application/pdf') {
          problems.push({ path: 'input.image_base64', message: 'must be a JPEG, PNG or WebP image' });
        } else {
          out.image_base64 = v;
          out.image_mime = mime;
        }
      }
    }
  } else {
    const v = o.image_url;
    if (typeof v !== 'string') problems.push({ path: 'input.image_url', message: 'must be a string' });
    else {
      const url = checkUrl(v, 'input.image_url', ctx.allowHttp, problems);
      if (url) out.image_url = url;
    }
  }
  if (has(o, 'meal_type')) {
    if (oneOf(o.meal_type, MEAL_TYPES)) out.meal_type = o.meal_type;
    else problems.push({ path: 'input.meal_type', message: `must be one of ${MEAL_TYPES.join(', ')}` });
  }
  return out;
}

function medicalExam(o: Record<string, unknown>, ctx: Ctx): MedicalExamInput {
  return { ...medicalExamDocument(o, ctx), ...examPatient(o, ctx.problems) };
}

function examPatient(o: Record<string, unknown>, problems: Problems): ExamPatient {
  const out: ExamPatient = {};
  if (has(o, 'sex')) {
    if (oneOf(o.sex, ['M', 'F'] as const)) out.sex = o.sex;
    else problems.push({ path: 'input.sex', message: 'must be M or F' });
  }
  if (has(o, 'birth_date')) {
    const v = o.birth_date;
    const d = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : undefined;
    if (
      typeof v === 'string' &&
      d &&
      !Number.isNaN(d.getTime()) &&
      d.toISOString().slice(0, 10) === v &&
      d.getTime() <= Date.now() &&
      d.getUTCFullYear() >= 1900
    )
      out.birth_date = v;
    else problems.push({ path: 'input.birth_date', message: 'must be a past date written YYYY-MM-DD' });
  }
  return out;
}

function medicalExamDocument(o: Record<string, unknown>, ctx: Ctx): MedicalExamInput {
  const { problems } = ctx;
  checkKeys(o, ['text', 'document_base64', 'mime', 'sex', 'birth_date'], 'input', problems);
  const hasText = has(o, 'text');
  const hasDoc = has(o, 'document_base64');
  if (hasText && (hasDoc || has(o, 'mime'))) {
    problems.push({ path: 'input.document_base64', message: 'give either text or document_base64 with mime, not both' });
    return { text: '' };
  }
  if (hasText) {
    const text = str(o, 'text', 'input', problems, { required: true, maxChars: MAX_EXAM_TEXT_BYTES });
    if (text !== undefined && new TextEncoder().encode(text).length > MAX_EXAM_TEXT_BYTES) {
      problems.push({ path: 'input.text', message: `must be at most ${MAX_EXAM_TEXT_BYTES} bytes` });
    }
    return { text: text ?? '' };
  }
  if (!hasDoc) {
    problems.push({ path: 'input.text', message: 'give text, or document_base64 with mime' });
    return { text: '' };
  }
  const mime = o.mime;
  if (!oneOf(mime, EXAM_DOCUMENT_MIMES)) problems.push({ path: 'input.mime', message: `must be one of ${EXAM_DOCUMENT_MIMES.join(', ')}` });
  const doc = o.document_base64;
  if (typeof doc !== 'string') {
    problems.push({ path: 'input.document_base64', message: 'must be a string' });
    return { text: '' };
  }
  const limit = mime === 'application/pdf' ? ctx.maxDocumentBytes : ctx.maxImageBytes;
  const bytes = checkBase64(doc, 'input.document_base64', limit, problems);
  if (bytes && oneOf(mime, EXAM_DOCUMENT_MIMES) && sniffMime(bytes) !== mime) {
    problems.push({ path: 'input.document_base64', message: `content is not ${mime}` });
  }
  return oneOf(mime, EXAM_DOCUMENT_MIMES) ? { document_base64: doc, mime } : { text: '' };
}

function unifiedAssistant(o: Record<string, unknown>, ctx: Ctx): UnifiedAssistantInput {
  const { problems } = ctx;
  checkKeys(o, ['messages', 'context'], 'input', problems);
  const messages: ClientChatTurn[] = [];
  if (!has(o, 'messages')) problems.push({ path: 'input.messages', message: 'is required' });
  else if (!Array.isArray(o.messages)) problems.push({ path: 'input.messages', message: 'must be an array' });
  else if (o.messages.length < 1 || o.messages.length > MAX_MESSAGES) {
    problems.push({ path: 'input.messages', message: `must have 1 to ${MAX_MESSAGES} messages` });
  } else {
    o.messages.forEach((m, i) => {
      const path = `input.messages[${i}]`;
      if (!isPlainObject(m)) {
        problems.push({ path, message: 'must be an object' });
        return;
      }
      checkKeys(m, ['role', 'content'], path, problems);
      const role = m.role;
      // The system prompt is the server's: a client-sent system message could rewrite its rules.
      if (!oneOf(role, ['user', 'assistant'] as const)) problems.push({ path: `${path}.role`, message: 'must be user or assistant' });
      const content = str(m, 'content', path, problems, { required: true, maxChars: MAX_MESSAGE_CHARS });
      if (oneOf(role, ['user', 'assistant'] as const) && content !== undefined) messages.push({ role, content });
    });
  }
  const out: UnifiedAssistantInput = { messages };
  if (has(o, 'context')) {
    if (!isPlainObject(o.context)) problems.push({ path: 'input.context', message: 'must be an object' });
    else if (JSON.stringify(o.context).length > MAX_CONTEXT_JSON_CHARS) {
      problems.push({ path: 'input.context', message: `must be at most ${MAX_CONTEXT_JSON_CHARS} characters as JSON` });
    } else out.context = o.context;
  }
  return out;
}

function mealPlan(o: Record<string, unknown>, ctx: Ctx): MealPlanInput {
  const { problems } = ctx;
  checkKeys(o, ['kcal_target', 'meals_per_day', 'days', 'restrictions', 'macros', 'exclude_foods'], 'input', problems);
  const kcal = intIn(o, 'kcal_target', 1000, 5000, 'input', problems, true);
  const meals = intIn(o, 'meals_per_day', 3, 6, 'input', problems, true);
  const days = intIn(o, 'days', 1, 14, 'input', problems, true);
  const out: MealPlanInput = { kcal_target: kcal ?? 0, meals_per_day: meals ?? 0, days: days ?? 0 };
  if (has(o, 'restrictions')) {
    const r = o.restrictions;
    if (!Array.isArray(r)) problems.push({ path: 'input.restrictions', message: 'must be an array' });
    else {
      const list: MealRestriction[] = [];
      r.forEach((v, i) => {
        if (!oneOf(v, MEAL_RESTRICTIONS)) problems.push({ path: `input.restrictions[${i}]`, message: `must be one of ${MEAL_RESTRICTIONS.join(', ')}` });
        else if (list.includes(v)) problems.push({ path: `input.restrictions[${i}]`, message: 'is repeated' });
        else list.push(v);
      });
      out.restrictions = list;
    }
  }
  if (has(o, 'macros')) {
    const m = o.macros;
    if (!isPlainObject(m)) problems.push({ path: 'input.macros', message: 'must be an object' });
    else {
      checkKeys(m, ['protein_pct', 'carbs_pct', 'fat_pct'], 'input.macros', problems);
      const vals: number[] = [];
      for (const k of ['protein_pct', 'carbs_pct', 'fat_pct'] as const) {
        const v = m[k];
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100)
          problems.push({ path: `input.macros.${k}`, message: 'must be a number from 0 to 100' });
        else vals.push(v);
      }
      if (vals.length === 3) {
        const sum = vals[0]! + vals[1]! + vals[2]!;
        if (Math.abs(sum - 100) > 1) {
          problems.push({ path: 'input.macros', message: `percentages must sum to 100 (±1), got ${sum}` });
        } else out.macros = { protein_pct: vals[0]!, carbs_pct: vals[1]!, fat_pct: vals[2]! };
      }
    }
  }
  if (has(o, 'exclude_foods')) {
    const e = o.exclude_foods;
    if (!Array.isArray(e) || e.length > 50) problems.push({ path: 'input.exclude_foods', message: 'must be an array of at most 50 names or TACO ids' });
    else {
      const list: string[] = [];
      e.forEach((v, i) => {
        if (typeof v !== 'string' || v.trim() === '' || v.length > 100)
          problems.push({ path: `input.exclude_foods[${i}]`, message: 'must be a non-empty string of at most 100 characters' });
        else list.push(v);
      });
      out.exclude_foods = list;
    }
  }
  return out;
}

function whatsappMessage(o: Record<string, unknown>, ctx: Ctx): WhatsappMessageInput {
  const { problems } = ctx;
  checkKeys(o, ['from', 'text', 'media'], 'input', problems);
  const from = str(o, 'from', 'input', problems, { required: true, maxChars: 15 });
  if (from !== undefined && !/^\d{10,15}$/.test(from)) problems.push({ path: 'input.from', message: 'must be 10 to 15 digits' });
  const out: WhatsappMessageInput = { from: from ?? '' };
  const text = str(o, 'text', 'input', problems, { required: false, maxChars: MAX_WHATSAPP_TEXT_CHARS });
  if (text !== undefined) out.text = text;
  if (has(o, 'media')) {
    const m = o.media;
    if (!isPlainObject(m)) problems.push({ path: 'input.media', message: 'must be an object' });
    else {
      checkKeys(m, ['mime', 'base64', 'url'], 'input.media', problems);
      const mime = str(m, 'mime', 'input.media', problems, { required: true, maxChars: 100 });
      if (mime !== undefined && !/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i.test(mime))
        problems.push({ path: 'input.media.mime', message: 'must be a MIME type like image/jpeg' });
      const hasB64 = has(m, 'base64');
      const hasUrl = has(m, 'url');
      const media: WhatsappMedia = { mime: (mime ?? '').toLowerCase() };
      if (hasB64 === hasUrl) problems.push({ path: 'input.media.base64', message: 'give exactly one of base64 or url' });
      else if (hasB64) {
        const v = m.base64;
        if (typeof v !== 'string') problems.push({ path: 'input.media.base64', message: 'must be a string' });
        else {
          const limit = media.mime === 'application/pdf' ? ctx.maxDocumentBytes : ctx.maxImageBytes;
          const bytes = checkBase64(v, 'input.media.base64', limit, problems);
          if (bytes && (oneOf(media.mime, EXAM_DOCUMENT_MIMES) || media.mime.startsWith('image/'))) {
            const sniffed = sniffMime(bytes);
            if (sniffed !== media.mime)
              problems.push({ path: 'input.media.base64', message: `content is not ${media.mime}, or not a supported image (JPEG, PNG, WebP)` });
          }
          media.base64 = v;
        }
      } else {
        const v = m.url;
        if (typeof v !== 'string') problems.push({ path: 'input.media.url', message: 'must be a string' });
        else {
          const url = checkUrl(v, 'input.media.url', ctx.allowHttp, problems);
          if (url) media.url = url;
        }
      }
      out.media = media;
    }
  }
  if (!has(o, 'text') && !has(o, 'media')) problems.push({ path: 'input.text', message: 'give text or media' });
  return out;
}

function healthcheck(o: Record<string, unknown>, ctx: Ctx): HealthcheckInput {
  const { problems } = ctx;
  checkKeys(o, ['delay_ms', 'fail_times'], 'input', problems);
  const out: HealthcheckInput = {};
  const delay = intIn(o, 'delay_ms', 0, 60_000, 'input', problems, false);
  const fail = intIn(o, 'fail_times', 0, 100, 'input', problems, false);
  if (delay !== undefined) out.delay_ms = delay;
  if (fail !== undefined) out.fail_times = fail;
  return out;
}

const VALIDATORS: { [K in JobType]: (o: Record<string, unknown>, ctx: Ctx) => JobInputs[K] } = {
  sofia_image: sofiaImage,
  medical_exam: medicalExam,
  unified_assistant: unifiedAssistant,
  meal_plan: mealPlan,
  whatsapp_message: whatsappMessage,
  healthcheck,
};

/**
 * The parsed, typed input for a job type, or an InvalidInputError listing every field at fault.
 * `healthcheck` also accepts a missing input (null/undefined) as `{}`.
 */
export function validateInput<T extends JobType>(type: T, input: unknown, options?: ValidateOptions): JobInputs[T];
export function validateInput(type: string, input: unknown, options?: ValidateOptions): JobInputs[JobType];
export function validateInput(type: string, input: unknown, options: ValidateOptions = {}): JobInputs[JobType] {
  try {
    if (!isJobType(type)) throw new InvalidInputError(`unknown job type; expected one of ${JOB_TYPES.join(', ')}`, ['type']);
    if (type === 'healthcheck' && (input === undefined || input === null)) input = {};
    const problems: Problems = [];
    if (!isPlainObject(input)) throw new InvalidInputError('input must be a JSON object', ['input']);
    const clean = scanUntrusted(input, 'input', problems);
    const ctx: Ctx = {
      problems: [],
      maxImageBytes: options.maxImageBytes ?? DEFAULT_MAX_BYTES,
      maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_BYTES,
      allowHttp: options.allowHttp ?? false,
    };
    const result = VALIDATORS[type](input, ctx);
    // A path the universal scan already reported is not reported twice.
    const all = clean ? ctx.problems : [...problems, ...ctx.problems.filter((p) => !problems.some((q) => q.path === p.path))];
    if (all.length > 0) {
      const fields = [...new Set(all.map((p) => p.path))];
      throw new InvalidInputError(`invalid ${type} input: ${all.map((p) => `${p.path} ${p.message}`).join('; ')}`, fields);
    }
    return result;
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    // A validator bug must still surface as bad input, never as a crash that would be retried.
    throw new InvalidInputError(`invalid ${String(type)} input`, ['input']);
  }
}
