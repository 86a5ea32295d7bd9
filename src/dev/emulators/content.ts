// Deterministic, plausible content for the emulators: Portuguese sentences and JSON values that
// follow a requested schema (types, required, enums, bounds), all derived from a request hash.
import { seeded } from './common.ts';

export const FOODS = [
  { name: 'arroz', class: 0 },
  { name: 'feijão', class: 1 },
  { name: 'frango', class: 2 },
  { name: 'salada', class: 3 },
  { name: 'banana', class: 4 },
  { name: 'carne bovina', class: 5 },
  { name: 'ovo', class: 6 },
  { name: 'batata', class: 7 },
  { name: 'macarrão', class: 8 },
  { name: 'tomate', class: 9 },
] as const;

// Canned sentences by what the request asks for, so a meal plan's tips never read like a lab report
// and a food comment never talks about medication. Still canned: the emulator does not pretend to
// understand anything beyond the request's topic.
export type Topic = 'meal_plan' | 'lab' | 'food' | 'chat';

const SENTENCES: Record<Topic, readonly string[]> = {
  meal_plan: [
    'Prepare as refeições da semana com antecedência para seguir o cardápio com mais facilidade.',
    'Beba água ao longo do dia e evite bebidas açucaradas.',
    'Mantenha horários regulares para as refeições.',
    'Prefira preparações assadas, cozidas ou grelhadas às frituras.',
    'Varie as frutas e as verduras ao longo da semana.',
    'Se sentir fome entre as refeições, escolha uma fruta ou um punhado de castanhas.',
    'Tempere com ervas e limão para reduzir o sal sem perder o sabor.',
  ],
  lab: [
    'Os resultados fora da faixa de referência merecem atenção, mas só um médico pode interpretá-los no seu contexto.',
    'Leve este laudo à sua próxima consulta para conversar sobre os resultados.',
    'Um resultado isolado não define um diagnóstico; o médico avalia o conjunto dos exames.',
    'Hábitos como alimentação equilibrada, sono e atividade física influenciam muitos desses exames.',
    'Esta análise não substitui a avaliação de um profissional de saúde.',
  ],
  food: [
    'Sua refeição parece equilibrada, com boa fonte de proteína.',
    'Procure incluir mais vegetais coloridos no prato.',
    'A combinação de arroz e feijão fornece proteína de boa qualidade.',
    'Prefira alimentos integrais para aumentar a ingestão de fibras.',
    'Uma salada no início da refeição ajuda a comer com mais calma.',
    'Frutas são ótimas opções para a sobremesa.',
  ],
  chat: [
    'Pequenas mudanças mantidas no dia a dia fazem mais diferença do que mudanças radicais.',
    'Beba água ao longo do dia e evite bebidas açucaradas.',
    'Reduza o sal e os alimentos ultraprocessados.',
    'Uma caminhada leve após as refeições ajuda na digestão.',
    'Converse com seu médico antes de mudar sua medicação.',
    'Esta orientação não substitui a avaliação de um profissional de saúde.',
  ],
};

/** The topic of a request, from its prompt and system text (the handlers' own wording). */
export function topicOf(prompt: string): Topic {
  const p = prompt.toLowerCase();
  if (/cardápio|cardapio|plano alimentar|refeições por dia/.test(p)) return 'meal_plan';
  // The assistant's instructions mention exams and nutrition too: it is recognised before them.
  if (/assistente/.test(p)) return 'chat';
  if (/exame|laudo|laborat|referência/.test(p)) return 'lab';
  if (/refeição|refeicao|prato|foto|alimentos identificados|sofia/.test(p)) return 'food';
  return 'chat';
}

const WORDS = ['saudável', 'equilíbrio', 'proteína', 'fibra', 'energia', 'hidratação', 'vitamina', 'refeição', 'porção', 'leve'];

/** 2–4 Portuguese sentences chosen by the hash, on the topic of `prompt` (general chat if none). */
export function portugueseText(hash: string, prompt = ''): string {
  const rnd = seeded(hash);
  const pool = [...SENTENCES[topicOf(prompt)]];
  const n = Math.min(pool.length, 2 + Math.floor(rnd() * 3));
  const out: string[] = [];
  // Without repeats: a tip list that says the same thing twice reads broken.
  for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
  return out.join(' ');
}

type Schema = Record<string, unknown>;

/**
 * A value matching `schema`. Types may be JSON Schema lowercase or Gemini's uppercase; property
 * names steer the content (food names, confidences, boxes) so detection answers look real.
 */
export function valueForSchema(schema: unknown, hash: string, ctx: { width?: number; height?: number } = {}): unknown {
  return gen(schema as Schema, seeded(hash), '', ctx, 0);
}

function typeOf(s: Schema): string | undefined {
  const t = s.type;
  if (Array.isArray(t)) return String(t.find((x) => String(x).toLowerCase() !== 'null') ?? 'null').toLowerCase();
  if (typeof t === 'string') return t.toLowerCase();
  if (s.properties) return 'object';
  if (s.items) return 'array';
  if (Array.isArray(s.enum)) return typeof s.enum[0] === 'number' ? 'number' : 'string';
  return undefined;
}

function gen(s: Schema | undefined, rnd: () => number, key: string, ctx: { width?: number; height?: number }, depth: number): unknown {
  if (!s || typeof s !== 'object' || depth > 8) return null;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[Math.floor(rnd() * s.enum.length)];
  const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (Array.isArray(alts) && alts.length > 0) return gen(alts.find((a) => typeOf(a) !== 'null') ?? alts[0], rnd, key, ctx, depth + 1);
  const k = key.toLowerCase();
  switch (typeOf(s)) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const names = Object.keys(props);
      if (['x1', 'y1', 'x2', 'y2'].every((n) => names.includes(n))) return box(rnd, ctx);
      const out: Record<string, unknown> = {};
      for (const name of names) out[name] = gen(props[name], rnd, name, ctx, depth + 1);
      return out;
    }
    case 'array': {
      const min = num(s.minItems ?? s.min_items) ?? 1;
      const max = Math.max(min, num(s.maxItems ?? s.max_items) ?? Math.max(min, 3));
      const n = min + Math.floor(rnd() * (max - min + 1));
      return Array.from({ length: n }, () => gen(s.items as Schema, rnd, key, ctx, depth + 1));
    }
    case 'integer':
    case 'number': {
      const lo = num(s.minimum) ?? (k.includes('confid') || k.includes('score') ? 0.5 : 0);
      const hi = num(s.maximum) ?? (k.includes('confid') || k.includes('score') ? 0.99 : 100);
      const v = lo + rnd() * (hi - lo);
      return typeOf(s) === 'integer' ? Math.round(v) : Math.round(v * 100) / 100;
    }
    case 'boolean':
      // A triage answer ({urgent, category}) says "not urgent": a coin toss would turn ordinary
      // assistant turns in tests and the demo into emergencies at random.
      if (k === 'urgent') return false;
      return rnd() < 0.5;
    case 'string': {
      if (/name|nome|food|alimento|label|classe/.test(k)) return FOODS[Math.floor(rnd() * FOODS.length)]!.name;
      if (s.format === 'date-time') return new Date(Date.UTC(2025, 0, 1 + Math.floor(rnd() * 365))).toISOString();
      if (s.format === 'date') return new Date(Date.UTC(2025, 0, 1 + Math.floor(rnd() * 365))).toISOString().slice(0, 10);
      if (/text|texto|resposta|answer|coment|explic|summary|resumo|mensagem|message|descri/.test(k)) return portugueseText(rnd().toString(16).slice(2) || 'x');
      const w = WORDS[Math.floor(rnd() * WORDS.length)]!;
      const maxLen = num(s.maxLength);
      return maxLen !== undefined ? w.slice(0, maxLen) : w;
    }
    case 'null':
      return null;
    default:
      return WORDS[Math.floor(rnd() * WORDS.length)];
  }
}

/** A box fully inside the image (pixels), at least 10% of each side. */
export function box(rnd: () => number, ctx: { width?: number; height?: number }): { x1: number; y1: number; x2: number; y2: number } {
  const w = ctx.width ?? 640;
  const h = ctx.height ?? 480;
  const bw = w * (0.1 + rnd() * 0.4);
  const bh = h * (0.1 + rnd() * 0.4);
  const x1 = rnd() * (w - bw);
  const y1 = rnd() * (h - bh);
  const r = (v: number) => Math.round(v * 10) / 10;
  return { x1: r(x1), y1: r(y1), x2: r(x1 + bw), y2: r(y1 + bh) };
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** Width and height from PNG or JPEG bytes, when recognisable. */
export function imageSize(buf: Buffer): { width: number; height: number } | undefined {
  if (buf.length >= 24 && buf.readUInt32BE(0) === 0x89504e47) return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) {
    let i = 2;
    while (i + 9 < buf.length) {
      if (buf[i] !== 0xff) return undefined;
      const marker = buf[i + 1]!;
      const len = buf.readUInt16BE(i + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
      }
      i += 2 + len;
    }
  }
  return undefined;
}
