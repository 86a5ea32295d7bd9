// unified_assistant: a conversation with the health assistant, and optional app context.
import { Array as Arr, Enum, Object as Obj, Optional, String as Str, Unsafe, type Static } from 'typebox/type';
import { isPlainObject } from './untrusted.ts';
import { NOT_BLANK } from './problems.ts';
import type { JobInputSpec } from './spec.ts';

export const MAX_MESSAGES = 50;
export const MAX_MESSAGE_CHARS = 8000;
const MAX_CONTEXT_JSON_CHARS = 32 * 1024;

export const UnifiedAssistantInputSchema = Obj(
  {
    messages: Arr(
      Obj(
        {
          // The system prompt is the server's: a client-sent system message could rewrite its rules.
          role: Enum(['user', 'assistant'] as const),
          content: Str({ maxLength: MAX_MESSAGE_CHARS, pattern: NOT_BLANK }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_MESSAGES, description: "the user's turns and the assistant's earlier answers, never a system prompt" },
    ),
    // Any JSON object: the scan before the schema already holds it to the rules for untrusted values.
    context: Optional(
      Unsafe<Record<string, unknown>>({
        type: 'object',
        description: `what the app knows (last exam, goals), at most ${MAX_CONTEXT_JSON_CHARS} characters as JSON`,
      }),
    ),
  },
  { additionalProperties: false },
);

export type UnifiedAssistantInput = Static<typeof UnifiedAssistantInputSchema>;

export const unifiedAssistant: JobInputSpec<UnifiedAssistantInput> = {
  schema: UnifiedAssistantInputSchema,
  refine(o, check) {
    if (isPlainObject(o.context) && JSON.stringify(o.context).length > MAX_CONTEXT_JSON_CHARS)
      check.report('input.context', `must be at most ${MAX_CONTEXT_JSON_CHARS} characters as JSON`);
    return { ...o } as UnifiedAssistantInput;
  },
};
