// Cache keys: sha256 over (type, handler version, canonical input). Canonical means key order does
// not matter and images and documents count by their bytes' hash, never by a URL (the same photo
// sent twice hits; two photos at one URL don't). Web Crypto only, so the gateway computes the same
// key on Deno as the worker does on Node.
import type { JobType } from '../job-inputs/job-types.ts';
import { base64ToBytes } from '../bytes/base64.ts';

/**
 * The version of each handler's result. Bump one when its result changes meaning: old cache
 * entries then stop matching. Handlers read their version from here, so the two cannot drift.
 */
export const HANDLER_VERSIONS: Record<JobType, string> = {
  sofia_image: '1',
  medical_exam: '42', // 2: qualitative results, comparator, source (issue 16); 3: layouts read differently (held-out sets 6-8); 4: accounting pass lists more lines, sets 9-10 fixes; 5: a reactive titre's value is the titre ("1/8"), sets 11-14 fixes; 6: sets 15-17 fixes (layouts, OCR slips in names, more lines accounted as administrative); 7: sets 18-19 fixes (dated previous columns, rn for m, titres on their own line, immune and smoker tiers, percentile-99 limits by sex); 8: sets 20-21 fixes (previous column before the reference, side-by-side tables, cl for d and l for I, trimester and cycle-phase labels, sediment amount words, prose is no name); 9: sets 22-23 fixes (a previous result with its date cell, risk-group and gestational-week ranges, a verdict column, units inside names, zero references, IBMP limits, notes are no references, capital I for l); 10: sets 24-25 fixes (a block's own sample dates, value units before age-band columns, marks after word results and HH/LL/A/B flags, earlier samples' dated columns beside 'Resultado', a verdict line under the value, non-diabetics' range, OCR space in a decimal, durations are no results, more administrative numbers); 11: sets 26-27 fixes; 12: sets 28-29 fixes (control-time rows and the block's ratio, absolute counts under a % row, word references in a cell of their own, tier labels opening with a verdict word, an app's unlabelled patient line and card titles with numbers, accentless age bands, 1 read for l); 13: sets 30-31 fixes (a release date/time column after the reference, a specimen alone under a card title, a title's unlabelled method column, 'Resultado   WORD', ri read as n, compact weeks of pregnancy, 'Ausência de …' references, nested age bands, risk tiers under a risk lead, a lead 'para a <name>:'); 14: sets 32-33 fixes; 15: sets 34-35 fixes; 16: set 37 fixes (set 36's were taken back before landing); 17: set 36 fixes (landed again, a word after a table header no longer silenced); 18: sets 38-39 fixes; 19: sets 40-41 fixes (an INR against the range of the anticoagulation the report names); 20: sets 42-43 fixes (an 'ANT.' previous column, right-aligned current values, a trailing 'ANTERIORES' header, ranges by hours and days of life and by birth weight, numbered samples); 21: sets 44-45 fixes (reference before the result, box-drawn tables, two page columns of labelled results, share-as-text sentences, portal link cells); 22: sets 45-48 fixes (set 45: value-first cells one a line, fax transmission lines, hyphenated visit numbers, two columns of results with indented references, typed lists of abbreviations, a cut-off reference, a tabbed row's wrapped name; set 46: names and titles wrapped over lines, a row's name and reference cells wrapped together, a critical value's notice, a portal's buttons, coded street names; set 47: quoted ';' export fields, a method-and-analyser line, code and grade columns, one reference above a table, detection limits, cycle-phase columns under a result, timed-urine concentrations; set 48: an index's creatinine unit in two spellings, a target left to the patient's risk); 23: sets 49-64 and 66 fixes (LIS code columns, discharge tables by sample date, occupational exposure tables, two page columns on an indented page, % · count on one line, wrapped names and range labels, a stated risk category, menopause from the last period, the request's medicines, unknown smoking status is indeterminate, viral loads against 'Não detectado', section cells before bar-separated results, side-by-side labelled urine results); 24: sets 66-68 and 70-72 fixes (an SMS in parts, PDF cells broken over lines, drug levels' wrapped ranges and toxic tiers, history cells glued to long units, results a chat ran together, ICU bulletins' D-1 column, word results against word references in any table row, pending cultures, paediatric age-band columns, pregnancy and newborn ranges, post-menopause); 25: sets 73-78 fixes (viral-load quantification limits and log rows, genotype codes, occupational IBMP columns and validity ranges, kidney-disease stage tiers, glued phone-PDF columns, an older pasted report's repeated results, OCR slips in urine names, word results with labelled reference cells, allergen codes and classes, ranges broken inside a phone PDF row, medicines notes in a sentence); 26: sets 79-84 fixes and sets 73, 76 in the corpus tests (sample columns headed by collection stamps, allergen class tables, release and method columns, SIGTAP codes, a flag between value and unit, per-value-column age-band references, two analytes sharing a row by slashes, an exam's name before a slash, analyser settings, block addresses, genotype codes); 27: set 84's fixes landed (an app's JSON copy, dictation, SI values beside conventional ones, a differential one cell a line) and sets 85-90 fixes (letter-spaced titles, guideline citations, coagulation ranges led by a row's words, tumour markers named by numbers, dot-padded header labels, unreadable bounds, per-mm³ counts against thousands, portal 'Resultado anterior' cards, exams run together on one line, goals left to the risk category, wrapped titles and ranges, council numbers on their own line, typed runs of results, footnoted references, serology index lines, bar-drawn history tables, cytometry count and % columns, chemotherapy cycles, ruled titles); 28: sets 91-93 fixes (words typed between commas, dictation pauses, a phone viewer's wrapped differential and units, a form's ticked box, LIS block titles with specimen and release stamp, age bands in words and months, ASCII ordinals, dot leaders under dated columns, footnote-mark reference cells, cytometry form labels) and accounting for sets 85-90; 29: sets 94-96 fixes (a curve's fasting time named alone, pregnancy weeks after 'Gestante: Sim', part-of-day cortisol ranges, word references in a table's reference column, a transcriber's doubtful digit, INR ranges without anticoagulation, a footnote's chained lines, minutes as a unit, culture without growth, word results under dated history columns, a portal's dotted verdict line, a typist's comment after a pictograph, goals offset from the LDL's, one-cell-a-line tables with a method column and bare patient labels); 30: sets 97-102 fixes (a right-hand reference column moved to the result it names, earlier samples named by the analyte, a page break's continued % /mm³ columns, weeks of pregnancy from the DUM, word cells under labels, wrapped stool findings, a cumulative ';' export's newest dated column, serotype lines, portal cards with a status line, bracketed word references and method brackets, LDL / non-HDL between risk goals indeterminado, a capital H flag before another column); 31: sets 103-105 fixes (sample dates over a header of collection times with a flag column, a ratio's result under its inputs, a culture's word reference under its count, goals tables by risk category, a specimen line under a title, pending notes, partly unreadable side-by-side ranges, a wrapped reference beside earlier samples, portal cards' collection-date lines and filter tabs, typed hemograms between slashes, control ratios, antibiogram rows printed tight); 32: sets 106-108 fixes (goal notes by risk category under the results, references cut after a decimal comma, stool blocks' sample and method lines, names wrapped beside dated columns, drifting previous-result cells, a cycle day with a qualifier, a card's value after its arrow, a curve's limits on one line and a curve table by analyte, a section title's analyser, a zero reference in the value's unit, dates under a previous-results label, reactive titres before a comment, phospholipid units); 33: sets 109-111 fixes (two `Resultado (unit)` value columns, goals named in a note's brackets, 'ALTO RISCO', a cut decimal before a bracketed reason, an undated `ATUAL` column beside dated ones, month columns, `REFERÊNCIA / META`, `x LSN` restatements, `DRC:` ranges, a pregnancy scale of disease tiers, an app's verdict badge, ranges labelled after them, chat speech with its stamp, a block's relabelled result, a title's clock time, a dialysis room and slash-listed requisitions); 34: sets 112-117 fixes and sets 66-108 in the corpus tests (earlier-sample cells after dot leaders and stacked dated samples, portal tab tables, goals leads in brackets, date cells between name and value, typed free-text counts, rapid-test kit lines, analyser inputs, criterion notes, app chips alone on a line, overlapping screenshots read once, bot menus, glued postcodes, history headings, results kept on the line of their value); 35: sets 118-120 and 123 fixes and sets 77, 84, 92, 113, 114, 117-120 in the corpus tests (a differential one cell a line under a unit header, kidney-stage tiers in words, a reference wrapped beside earlier samples, SIGTAP codes one space before the name, diabetes tiers by initials, age-band ranges with their unit last, VALOR CRÍTICO marks, side-by-side labelled references, numbers said in words, screen-reader lines with printed content after the spoken part, record tallies and CPFs, a patient's pasted spreadsheet's newest column, SMS parts with short codes, a portal's last-result column; the accounting pass lists lost word results whatever layout read them; 36: sets 121-129 fixes (a differential one cell a line with both counts, bracketed differentials after a count, prescriptions as doses, an earlier column before today's, glucose curves printed across, menopause stated in the clinical data, formula constants, bracketed word references, wrapped ANA patterns, unanswered smoking fields, urine labels before typed results, antibiograms with an MIC column or in two lists, an isolate with its colony count, blood-gas analyser printouts, narrow phone-PDF copies, a stated risk category among labelled goals, app-card findings, e-mail sentences about earlier results); 37: sets 133-135 fixes (drifting previous-result columns across pages, bracketed fasting conditions, category-named goals notes, release columns headed Lib., culture count bands by infection, target codes before a detection word, chat-bot reference lines, typed corrections, narrow phone-copy rows broken in their ranges) and exec on shared patterns; 38: sets 136-138 fixes and sets 122, 127-130, 133, 134, 136 in the corpus tests (an `(ant.)` earlier column, ranges named under a coagulation block's title, paediatric bands ending `a <N anos` and a band column between asterisks, a cycle phase after the day, right-aligned counts placed by their end, one category's goals parted by a bar, signed bracketed bounds, bar-separated goals notes, dictation lead-ins, comma lists of name-value pairs, forgotten-decimal corrections, OCR specks, narrow wrapped references, ranges cut inside their last integer, a stool exam's finding sentence after its label; the accounting pass reads a cumulative 'H' flag, an agent's letters before a finding, more administrative spans, earlier samples' cells ending at a column gap); 39: sets 139-141 fixes and sets 139, 141 in the corpus tests (numbered previous-result columns, goals of several risk categories a line and goals tables by analyte column, a reference printed before its result, sex-and-age band columns, a marked band column, bar-set phase rows, a ';' export named by its analyte column, a protein block's Atividade row, index verdict bands, critical marks inside brackets, an organism after Identificação, quoted e-mail threads, wrapped ranges before 'a', OCR slips in count units and goal tiers, unpunctuated voice transcripts, a chat's bracketed word reference, an earlier sample's unit columns, a range cut after its 'a'; the accounting pass takes an accreditation level's full stop, a left-out export cell's extra text, a banner's collection count and each said finding as one result's word); 40: sets 142-144 fixes and set 140 in the corpus tests (columns out of the usual order, a results-by-date grid's marked or keyed current column, range columns named on a header's second line, two tables' rows side by side, SI columns past '||', body measures and unbracketed equations between a result and its reference, albuminuria categories, sections not from the lab, an app's gauges, clotting rows named after their block, near catalogue names, spelled acronyms and read-off references in voice transcripts, an export's patient table, a sample stamp beside the material or the turnaround); 41: sets 145-147 fixes and sets 142-144 in the corpus tests (cumulative tables with a change column and the unit before the dates, references as footnote letters, transposed tables, compact grids between bars, an exam's antibody classes or samples on lines of their own, screening cut-off columns, YAML and object-literal records, TalkBack transcripts, subtitle files, a typist's note that no reference was printed, sector columns, small range tables under a block, wrapped bracketed references, a ruler's one labelled bound; the accounting pass takes page and block counts, several samples' numbers, a control's level and web addresses as no results); 42: sets 148-150 fixes (raw HTML tables, hours as columns, dialysis pre/post maps, asides between a result and its reference, a patient's CSV of visits as rows, an `ATUAL <date>` column, lettered note pointers, appendix reference tables, tab-separated Mín/Máx columns, a care team's remarks column, `Urina:` row names, OCR of run-together rows and unit legends)
  unified_assistant: '1',
  meal_plan: '2',
  whatsapp_message: '1',
  healthcheck: '1',
};

/**
 * Types whose input is personal (a lab report, a meal photo, a conversation): their entries are keyed
 * per person, so a hit can never tell one user that another already sent the same exam or photo
 * (the `cached: true` answer, or its speed, would). meal_plan is shared on purpose: its input is a
 * handful of targets (kcal, meals, days, restrictions) that identify no one, and the shared entries
 * are what `ai-worker cache warm` precomputes. test/cache-privacy.test.ts checks both sides.
 */
export const PERSONAL_TYPES: ReadonlySet<JobType> = new Set<JobType>(['sofia_image', 'medical_exam', 'unified_assistant', 'whatsapp_message']);

/**
 * The scope of an entry: the user id for personal types (for WhatsApp, the sender), null for shared
 * ones. Required, so that no caller can forget it.
 */
export type CacheScope = string | null;

function scoped(type: JobType, canonical: unknown, scope: CacheScope): unknown {
  if (!PERSONAL_TYPES.has(type)) return canonical;
  // A personal entry without a person would be shared by everyone: a programming error, not a miss.
  if (!scope) throw new Error(`cache key for ${type} needs a scope (the user)`);
  return { scope, input: canonical };
}

/** Fields whose value is a base64 payload: hashed, not keyed verbatim. */
const BYTES_FIELDS = new Set(['image_base64', 'document_base64', 'base64']);
/** Fields that only point at content: a key over them would be a key over the URL. */
const URL_FIELDS = new Set(['image_url', 'url']);

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as unknown as ArrayBuffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The input with sorted keys and payloads replaced by their content hash. Returns undefined when
 * the input names content by URL: only whoever downloads the bytes can key it (the worker).
 */
export async function canonicalInput(input: unknown): Promise<unknown | undefined> {
  if (Array.isArray(input)) {
    const items = await Promise.all(input.map(canonicalInput));
    return items.includes(undefined) ? undefined : items;
  }
  if (input === null || typeof input !== 'object') return input;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input).sort()) {
    const value = (input as Record<string, unknown>)[key];
    if (URL_FIELDS.has(key) && typeof value === 'string') return undefined;
    if (BYTES_FIELDS.has(key) && typeof value === 'string') {
      out[`${key}:sha256`] = await sha256Hex(base64ToBytes(value));
      continue;
    }
    const c = await canonicalInput(value);
    if (c === undefined && value !== undefined) return undefined;
    out[key] = c;
  }
  return out;
}

/** The cache key for a job, or undefined when the input cannot be keyed without downloading it. */
export async function cacheKeyFor(type: JobType, input: unknown, scope: CacheScope): Promise<string | undefined> {
  const canonical = await canonicalInput(input);
  if (canonical === undefined) return undefined;
  return `${type}:v${HANDLER_VERSIONS[type]}:${await sha256Hex(JSON.stringify(scoped(type, canonical, scope)))}`;
}

/** Key over already-downloaded bytes (sofia_image by URL: the worker keys after the download). */
export async function cacheKeyForBytes(type: JobType, bytes: Uint8Array, rest: Record<string, unknown>, scope: CacheScope): Promise<string> {
  const canonical = await canonicalInput({ ...rest, 'content:sha256': await sha256Hex(bytes) });
  return `${type}:v${HANDLER_VERSIONS[type]}:${await sha256Hex(JSON.stringify(scoped(type, canonical, scope)))}`;
}
