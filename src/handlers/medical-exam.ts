// medical_exam: a lab report (text, PDF or photo) → values read by the parser → flags against the
// report's own reference (else the built-in table) → a plain-language pt-BR summary → the disclaimer.
//
// Models never produce a value on their own. For a photo the vision model only transcribes; the same
// parser that reads typed text then reads the transcription, so a value that is not on the page
// cannot appear. Lines the parser could not read may be read by the text model, and each value it
// returns is kept only when grounding finds it printed on that very line (src/labs/model-extract.ts);
// those analytes say source: 'model'. The summary model is given analyte names and flags only; when
// every model is down the deterministic explainLabResults text stands in. Values never reach a log line.
//
// `sex` and `birth_date` in the input pick sex- and age-specific ranges when the report prints none.
import { cacheKeyFor } from '../cache/key.ts';
import { explainLabResults, LAB_DISCLAIMER } from '../labs/explain.ts';
import { extractUnparsedWithModel } from '../labs/model-extract.ts';
import { reportPatient, type LabFlag, type LabParseResult, type ParsedAnalyte, type QualitativeAnalyte } from '../labs/parse.ts';
import { parseLabReportInSandbox } from '../labs/parse-sandbox.ts';
import { extractPdfText } from '../pdf/extract-text.ts';
import type { MedicalExamInput } from '../job-inputs/index.ts';
import { optionalText, requiredStepError, type AnalysisContext, type AnalysisDeps, type AnalysisOutcome } from './shared/analysis.ts';
import { assertImageDimensions } from './shared/image.ts';
import { base64ToBytes } from '../bytes/base64.ts';
import type { JobHandler } from './types.ts';
import { analysisHandler } from './shared/handler.ts';

/** What the result shows of a parsed analyte: everything but the catalogue key and the line number. */
export type ExamAnalyte = Omit<ParsedAnalyte, 'key' | 'line'>;
/** A result written as words ("Negativo", "Não reagente"), flagged against a printed word reference. */
export type ExamQualitative = Omit<QualitativeAnalyte, 'key' | 'line'>;

export interface ExamResult {
  analytes: ExamAnalyte[];
  qualitative: ExamQualitative[];
  unparsed_lines: string[];
  summary: string;
  disclaimer: string;
}

export const EXAM_TIMEOUT_MS = 120_000;

const TRANSCRIBE_SYSTEM =
  'Você transcreve laudos de exames laboratoriais. Copie fielmente o texto da imagem, linha por linha, ' +
  'com nomes dos exames, resultados, unidades e valores de referência exatamente como impressos ' +
  '(vírgula decimal inclusive). Não interprete, não resuma, não corrija e não acrescente nada. ' +
  'Se a imagem não for um laudo legível, responda com uma linha vazia.';

const SUMMARY_SYSTEM =
  'Você explica resultados de exames laboratoriais para leigos, em português do Brasil, com linguagem ' +
  'simples e tom tranquilo. Você recebe apenas o nome de cada exame e se ficou abaixo, dentro ou acima ' +
  'da referência do laudo. Em no máximo 6 frases: diga o que cada item fora da faixa costuma medir e ' +
  'que fatores comuns podem alterá-lo, sem dar diagnóstico, sem sugerir remédios ou doses e sem citar ' +
  'números. Termine recomendando levar o exame ao médico. Não use markdown.';

const FLAG_PT: Record<LabFlag | 'alterado', string> = {
  baixo: 'abaixo da referência',
  normal: 'dentro da referência',
  alto: 'acima da referência',
  alterado: 'diferente do resultado de referência',
  indeterminado: 'sem referência comparável',
};

function summaryPrompt(parsed: LabParseResult): string {
  const lines = [...parsed.analytes, ...parsed.qualitative].map((a) => `- ${a.name}: ${FLAG_PT[a.flag]}`);
  const extra = parsed.unparsed_lines.length > 0 ? `\n(${parsed.unparsed_lines.length} linha(s) do laudo não puderam ser lidas.)` : '';
  return `Resultados do exame:\n${lines.join('\n')}${extra}`;
}

/** The deterministic explanation without its closing disclaimer, which the result carries on its own. */
function fallbackSummary(parsed: LabParseResult): string {
  return explainLabResults(parsed).replace(LAB_DISCLAIMER, '').trim();
}

function publicAnalytes(parsed: LabParseResult): ExamAnalyte[] {
  return parsed.analytes.map((a) => ({
    name: a.name,
    value: a.value,
    comparator: a.comparator,
    unit: a.unit,
    reference_low: a.reference_low,
    reference_high: a.reference_high,
    reference_text: a.reference_text,
    reference_source: a.reference_source,
    flag: a.flag,
    source: a.source,
  }));
}

function publicQualitative(parsed: LabParseResult): ExamQualitative[] {
  return parsed.qualitative.map((a) => ({ name: a.name, value: a.value, reference_text: a.reference_text, flag: a.flag, source: a.source }));
}

export async function analyseMedicalExam(deps: AnalysisDeps, input: MedicalExamInput, actx: AnalysisContext): Promise<AnalysisOutcome<ExamResult>> {
  const cacheKey = await cacheKeyFor('medical_exam', input, actx.cacheScope);
  const hit = await deps.cache.get('medical_exam', cacheKey);
  if (hit !== undefined) return { result: hit as ExamResult, cacheKey, cached: true };

  let text: string;
  let producer: { provider: string; model: string } | undefined;
  if ('text' in input) {
    text = input.text;
  } else if (input.mime === 'application/pdf') {
    const { pdfMaxChars, pdfTimeoutMs, pdfMemoryMb } = deps.config.safety;
    text = (
      await extractPdfText(base64ToBytes(input.document_base64), { signal: actx.signal, maxChars: pdfMaxChars, timeoutMs: pdfTimeoutMs, memoryMb: pdfMemoryMb })
    ).text;
  } else {
    const image = base64ToBytes(input.document_base64);
    assertImageDimensions(image, deps.config.safety.maxImagePixels);
    try {
      const answer = await deps.providers.vision({
        system: TRANSCRIBE_SYSTEM,
        prompt: 'Transcreva o laudo desta imagem.',
        images: [{ data: image, mimeType: input.mime }],
        signal: actx.signal,
        calls: actx.calls,
      });
      text = answer.text;
      producer = { provider: answer.provider, model: answer.model };
    } catch (err) {
      throw requiredStepError(err, 'no_vision', `nenhum modelo de visão conseguiu ler o laudo (${deps.config.providers.chains.vision.join(', ')})`);
    }
  }

  const patientInput = { sex: input.sex, birthDate: input.birth_date };
  // Off the event loop: a 100 kB report parses for seconds (src/labs/parse-sandbox.ts).
  const { labParseTimeoutMs, labParseMemoryMb } = deps.config.safety;
  let parsed: LabParseResult = await parseLabReportInSandbox(text, patientInput, {
    signal: actx.signal,
    timeoutMs: labParseTimeoutMs,
    memoryMb: labParseMemoryMb,
  });
  // Lines that look like results but were not read: the text model may read them, grounded.
  let degraded = false;
  if (parsed.unparsed_lines.length > 0) {
    const patient = reportPatient(text, patientInput);
    const extracted = await extractUnparsedWithModel(text, parsed, (req) => optionalText(deps, req, actx), patient);
    // Every model down: the parse stands, and the cached result is marked degraded (shorter life).
    if (extracted.asked && !extracted.answered) degraded = true;
    parsed = { analytes: extracted.analytes, qualitative: extracted.qualitative, unparsed_lines: extracted.unparsed_lines };
  }
  let summary: string;
  if (parsed.analytes.length === 0 && parsed.qualitative.length === 0) {
    summary = fallbackSummary(parsed);
  } else {
    const answer = await optionalText(deps, { system: SUMMARY_SYSTEM, prompt: summaryPrompt(parsed) }, actx);
    const written = answer?.text.replace(/\s+\n/g, '\n').trim();
    if (answer && written) {
      summary = written;
      producer ??= { provider: answer.provider, model: answer.model };
    } else {
      summary = fallbackSummary(parsed);
      degraded = true;
    }
  }
  const result: ExamResult = {
    analytes: publicAnalytes(parsed),
    qualitative: publicQualitative(parsed),
    unparsed_lines: parsed.unparsed_lines,
    summary,
    disclaimer: LAB_DISCLAIMER,
  };
  await deps.cache.put('medical_exam', cacheKey, result, { degraded });
  return { result, provider: producer?.provider, model: producer?.model, cacheKey, cached: false };
}

export function medicalExamHandler(deps: AnalysisDeps): JobHandler {
  return analysisHandler(deps, { type: 'medical_exam', timeoutMs: EXAM_TIMEOUT_MS, analyse: analyseMedicalExam });
}
