// Shapes shared by the clients and the chain. Provider-neutral on purpose: handlers speak these,
// never a vendor's request format.
import type { AttemptResult } from './call.ts';
import { BadResponseError } from './classify.ts';

export interface ImageInput {
  data: Uint8Array;
  /** Defaults to image/jpeg; Gemini needs it, Ollama ignores it. */
  mimeType?: string;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  images?: ImageInput[];
}

/** A JSON Schema (the subset both Ollama `format` and Gemini `responseSchema` understand). */
export type JsonSchema = Record<string, unknown>;

/** A normalised model request: one system text, the turns, an optional answer schema. */
export interface LlmRequest {
  system?: string | undefined;
  messages: ChatMessage[];
  jsonSchema?: JsonSchema | undefined;
}

export interface LlmAnswer {
  text: string;
  /** The parsed answer when a schema was asked for. */
  json?: unknown;
  model: string;
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
}

/** Ultralytics `Results.summary()` row: the detection shape every detector in the chain returns. */
export interface Detection {
  name: string;
  class: number;
  confidence: number;
  box: { x1: number; y1: number; x2: number; y2: number };
}

/** Parse a model's JSON answer; models sometimes wrap it in a ```json fence. */
export function parseJsonAnswer(text: string): unknown {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(text);
  return JSON.parse(fenced ? fenced[1]! : text);
}

/**
 * Finish an LLM call the same way for every provider: a structured request whose answer is not
 * JSON is a bad response (the chain tries the next provider), and tokens go to the call record.
 */
export function llmAttempt(answer: LlmAnswer, req: LlmRequest): AttemptResult<LlmAnswer> {
  if (req.jsonSchema) {
    try {
      answer.json = parseJsonAnswer(answer.text);
    } catch {
      throw new BadResponseError('structured answer is not valid JSON');
    }
  }
  return { value: answer, status: 200, inputTokens: answer.inputTokens, outputTokens: answer.outputTokens };
}
