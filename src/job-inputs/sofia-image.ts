// sofia_image: a meal photo, inline (base64) or by URL, and optionally which meal it is.
import { Enum, Object as Obj, Optional, String as Str, type Static } from 'typebox/type';
import { type ImageMime, sniffMime } from '../bytes/sniff.ts';
import { checkUrl, decodeBase64, MAX_URL_CHARS } from './payloads.ts';
import type { JobInputSpec } from './spec.ts';

export const MEAL_TYPES = ['cafe_da_manha', 'almoco', 'lanche', 'jantar', 'ceia', 'breakfast', 'lunch', 'snack', 'dinner'] as const;
export type MealType = (typeof MEAL_TYPES)[number];

export const SofiaImageInputSchema = Obj(
  {
    image_base64: Optional(Str({ contentEncoding: 'base64', description: 'JPEG, PNG or WebP (checked by its first bytes); a data: URL prefix is allowed' })),
    image_url: Optional(Str({ maxLength: MAX_URL_CHARS, description: 'https, no credentials; fetched from public addresses only' })),
    meal_type: Optional(Enum(MEAL_TYPES)),
  },
  { additionalProperties: false, description: 'exactly one of image_base64 or image_url' },
);

export type SofiaImageInput = Static<typeof SofiaImageInputSchema> & {
  /** Set by validation from the decoded bytes when image_base64 is given. */
  image_mime?: ImageMime;
};

export const sofiaImage: JobInputSpec<SofiaImageInput> = {
  schema: SofiaImageInputSchema,
  refine(o, check, limits) {
    const out = { ...o } as SofiaImageInput;
    const hasB64 = 'image_base64' in o;
    if (hasB64 === 'image_url' in o) {
      check.report(hasB64 ? 'input.image_url' : 'input.image_base64', 'give exactly one of image_base64 or image_url');
    } else if (typeof o.image_base64 === 'string') {
      const bytes = decodeBase64(o.image_base64, 'input.image_base64', limits.maxImageBytes, check);
      const mime = bytes && sniffMime(bytes);
      if (mime && mime !== 'application/pdf') out.image_mime = mime;
      else if (bytes) check.report('input.image_base64', 'must be a JPEG, PNG or WebP image');
    } else if (typeof o.image_url === 'string' && !check.failed('input.image_url')) {
      checkUrl(o.image_url, 'input.image_url', limits.allowHttp, check);
    }
    return out;
  },
};
