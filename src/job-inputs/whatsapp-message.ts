// whatsapp_message: one message received by the WhatsApp webhook (never enqueued by users): the
// sender's number, and text or one media item, inline or by URL.
import { Object as Obj, Optional, String as Str, type Static } from 'typebox/type';
import { sniffMime } from '../bytes/sniff.ts';
import { EXAM_DOCUMENT_MIMES } from './medical-exam.ts';
import { checkUrl, decodeBase64, MAX_URL_CHARS } from './payloads.ts';
import { NOT_BLANK } from './problems.ts';
import type { JobInputSpec } from './spec.ts';
import { isPlainObject } from './untrusted.ts';

const MAX_WHATSAPP_TEXT_CHARS = 4096;

export const WhatsappMessageInputSchema = Obj(
  {
    from: Str({ pattern: '^\\d{10,15}$', description: "the sender's number, 10 to 15 digits" }),
    text: Optional(Str({ maxLength: MAX_WHATSAPP_TEXT_CHARS, pattern: NOT_BLANK })),
    media: Optional(
      Obj(
        {
          mime: Str({ maxLength: 100, pattern: '^[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+$', description: 'a MIME type like image/jpeg' }),
          base64: Optional(Str({ contentEncoding: 'base64', description: 'an image or PDF must match mime by its first bytes' })),
          url: Optional(Str({ maxLength: MAX_URL_CHARS })),
        },
        { additionalProperties: false, description: 'exactly one of base64 or url' },
      ),
    ),
  },
  { additionalProperties: false, description: 'text, media or both' },
);

export type WhatsappMessageInput = Static<typeof WhatsappMessageInputSchema>;

export const whatsappMessage: JobInputSpec<WhatsappMessageInput> = {
  schema: WhatsappMessageInputSchema,
  refine(o, check, limits) {
    if (!('text' in o) && !('media' in o)) check.report('input.text', 'give text or media');
    const out = { ...o } as WhatsappMessageInput;
    const m = o.media;
    if (!isPlainObject(m)) return out;
    const mime = typeof m.mime === 'string' ? m.mime.toLowerCase() : '';
    out.media = { ...(m as WhatsappMessageInput['media'] & object), mime };
    const hasB64 = 'base64' in m;
    if (hasB64 === 'url' in m) check.report('input.media.base64', 'give exactly one of base64 or url');
    else if (typeof m.base64 === 'string') {
      const limit = mime === 'application/pdf' ? limits.maxDocumentBytes : limits.maxImageBytes;
      const bytes = decodeBase64(m.base64, 'input.media.base64', limit, check);
      if (bytes && ((EXAM_DOCUMENT_MIMES as readonly string[]).includes(mime) || mime.startsWith('image/')) && sniffMime(bytes) !== mime)
        check.report('input.media.base64', `content is not ${mime}, or not a supported image (JPEG, PNG, WebP)`);
    } else if (typeof m.url === 'string' && !check.failed('input.media.url')) {
      checkUrl(m.url, 'input.media.url', limits.allowHttp, check);
    }
    return out;
  },
};
