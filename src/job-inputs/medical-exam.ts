// medical_exam: a lab report as text, or as a PDF or photo whose bytes must match its declared type;
// optionally the patient's sex and birth date, for reference ranges the report does not print.
import { Enum, Object as Obj, Optional, String as Str, type Static } from 'typebox/type';
import { IMAGE_MIMES, sniffMime } from '../bytes/sniff.ts';
import { decodeBase64 } from './payloads.ts';
import { NOT_BLANK } from './problems.ts';
import type { JobInputSpec } from './spec.ts';

export const EXAM_DOCUMENT_MIMES = ['application/pdf', ...IMAGE_MIMES] as const;
export type ExamDocumentMime = (typeof EXAM_DOCUMENT_MIMES)[number];
/** In UTF-8 bytes (and so at most as many characters). */
export const MAX_EXAM_TEXT_BYTES = 100 * 1024;

export const MedicalExamInputSchema = Obj(
  {
    text: Optional(
      Str({ maxLength: MAX_EXAM_TEXT_BYTES, pattern: NOT_BLANK, description: `the report as text, at most ${MAX_EXAM_TEXT_BYTES} bytes in UTF-8` }),
    ),
    document_base64: Optional(Str({ contentEncoding: 'base64', description: 'the report as a PDF or a photo; its first bytes must match mime' })),
    mime: Optional(Enum(EXAM_DOCUMENT_MIMES)),
    sex: Optional(Enum(['M', 'F'] as const, { description: 'for sex-specific reference ranges the report does not print' })),
    birth_date: Optional(Str({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, a past date; for age-specific reference ranges' })),
  },
  { additionalProperties: false, description: 'text, or document_base64 with mime — not both' },
);

type Fields = Static<typeof MedicalExamInputSchema>;
/** The schema's fields, narrowed to the two forms the checks below allow. */
export type MedicalExamInput = Pick<Fields, 'sex' | 'birth_date'> & ({ text: string } | Required<Pick<Fields, 'document_base64' | 'mime'>>);

export const medicalExam: JobInputSpec<MedicalExamInput> = {
  schema: MedicalExamInputSchema,
  refine(o, check, limits) {
    const hasText = 'text' in o;
    const hasDoc = 'document_base64' in o;
    if (hasText && (hasDoc || 'mime' in o)) check.report('input.document_base64', 'give either text or document_base64 with mime, not both');
    else if (!hasText && !hasDoc) check.report('input.text', 'give text, or document_base64 with mime');
    else if (typeof o.text === 'string') {
      if (new TextEncoder().encode(o.text).length > MAX_EXAM_TEXT_BYTES) check.report('input.text', `must be at most ${MAX_EXAM_TEXT_BYTES} bytes`);
    } else if (hasDoc && !('mime' in o)) check.report('input.mime', 'is required with document_base64');
    else if (typeof o.document_base64 === 'string' && !check.failed('input.mime')) {
      const mime = o.mime as ExamDocumentMime;
      const limit = mime === 'application/pdf' ? limits.maxDocumentBytes : limits.maxImageBytes;
      const bytes = decodeBase64(o.document_base64, 'input.document_base64', limit, check);
      if (bytes && sniffMime(bytes) !== mime) check.report('input.document_base64', `content is not ${mime}`);
    }
    if (typeof o.birth_date === 'string' && !check.failed('input.birth_date') && !isPastDate(o.birth_date))
      check.report('input.birth_date', 'must be a past date written YYYY-MM-DD');
    return { ...o } as MedicalExamInput;
  },
};

function isPastDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && d.getTime() <= Date.now() && d.getUTCFullYear() >= 1900;
}
