// Units as Brazilian reports print them → one spelling. The same table yields the pattern the
// parser uses to find a unit after a value, so a spelling is added in one place only.
//
// Besides the known spellings, a unit the table does not know is still recognised when it has the
// shape of a unit (letters around a slash: "mL/min/1,73m²", "UI/mL", "ng/L"); it is kept as printed.
// Such a unit is never converted, so a built-in range is never applied to it: only the report's own
// range in the same spelling can flag it.

/** [pattern source over folded text (lower case, no accents except µ), canonical spelling]. */
const SPELLINGS: ReadonlyArray<[string, string]> = [
  // The same OCR prints the l of "dL" and "U/L" as an I ("mg/dI", "U/I"): no unit is spelt that way.
  ['mg\\/d(?:l|i(?![a-zà-ÿ]))', 'mg/dL'],
  // "mg%" (milligrams per 100 mL) is the old spelling of mg/dL.
  ['mg\\s?%', 'mg/dL'],
  ['g\\/d(?:l|i(?![a-zà-ÿ]))', 'g/dL'],
  ['%', '%'],
  // A blood-gas analyser prints its haematocrit as a packed cell volume ("Hct   46   %PCV", h1690): a percentage.
  ['%\\s?pcv', '%'],
  // A photo's OCR prints the I of "UI" as an l ("mUl/mL", "µUl/mL"): no unit is spelt that way.
  // International units in English order ("µIU/mL", "mIU/mL", "IU/L") are the same units: a FHIR export's
  // UCUM unit ("uIU/mL") beside the range text the lab wrote in Portuguese ("0,45 a 4,50 µUI/mL", h1720).
  ['(?:uu[il]|µu[il]|μu[il]|microui|mcui|[uµμ]iu)\\/ml', 'µUI/mL'],
  ['(?:mui|mu|miu)\\/l', 'mUI/L'],
  ['m(?:u[il]|iu)\\/ml', 'mUI/mL'],
  ['ng\\/dl', 'ng/dL'],
  ['ng\\/ml', 'ng/mL'],
  ['ng\\/l', 'ng/L'],
  ['pg\\/ml', 'pg/mL'],
  // A drug in hair, in picograms per milligram of hair ("0,2 pg/mg", a long-window toxicology's cut-off, h1978):
  // else the picograms of a red cell's HCM would be read alone.
  ['pg\\/mg', 'pg/mg'],
  ['(?:u|ui|iu)\\/(?:l|i(?![a-zà-ÿ]))', 'U/L'],
  ['(?:u[il]|iu)\\/ml', 'UI/mL'],
  ['meq\\/l', 'mEq/L'],
  // The same OCR prints the l of "mol" as an I ("nmoI/L").
  ['mmo[il]\\/l', 'mmol/L'],
  ['nmo[il]\\/l', 'nmol/L'],
  ['pmo[il]\\/l', 'pmol/L'],
  ['mg\\/l', 'mg/L'],
  ['(?:ug|µg|μg|mcg)\\/dl', 'µg/dL'],
  ['(?:ug|µg|μg|mcg)\\/l', 'µg/L'],
  ['(?:x\\s?)?10(?:³|\\^3)\\/(?:µl|μl|ul|mm³|mm3)', 'mil/mm³'],
  ['(?:x\\s?)?10(?:⁶|\\^6)\\/(?:µl|μl|ul|mm³|mm3)', 'milhões/mm³'],
  // The power after the volume it counts per ("4,62 /µL x10⁶", a pediatric hemogram's column): the same count.
  ['\\/(?:µl|μl|ul|mm³|mm3)\\s?x\\s?10(?:³|\\^3)', 'mil/mm³'],
  ['\\/(?:µl|μl|ul|mm³|mm3)\\s?x\\s?10(?:⁶|\\^6)', 'milhões/mm³'],
  ['mil\\/(?:mm3|mm³|ul|µl|μl)', 'mil/mm³'],
  // A urine count in thousands per millilitre, as a patient types the sediment's "18.000/mL" ("18 mil/mL").
  ['mil\\/ml', 'mil/mL'],
  // A semen count in millions per millilitre and per ejaculate ("11,8 milhões/mL", "24,8 milhões/ejac.", h1608).
  // A bound of one million in the singular ("Inferior a 1,0 milhão/mL", seminal leukocytes, h1940) is the same unit.
  ['mi[l1]h(?:oes|ões|[aã]o)\\/ml', 'milhões/mL'],
  ['mi[l1]h(?:oes|ões|[aã]o)\\/ejac(?:ulado|\\.)?', 'milhões/ejaculado'],
  // A narrow LIS column cuts the word to "milh", with its dot or without ("3,92   milh/mm3").
  // A photo's OCR prints its l as a 1 ("mi1hoes/mm3"): no unit is spelt that way.
  // A vision model's transcription of a photo slips an accent onto its i ("mílhões/mm³", h1653).
  ['(?:m[ií][l1]hoes|m[ií][l1]hões|mi[l1]h\\.?)\\/(?:mm3|mm³|ul|µl|μl)', 'milhões/mm³'],
  // A lymphocyte subset's count in cells, the word cut to "cel" with its accent ("534 cél/mm³", SISCEL's CD4, h1984):
  // the unit "cel/mm³" that "cel/mm3" already reads as.
  ['c[eé]l\\.?\\/(?:mm3|mm³)(?!\\s?x\\s?10)', 'cel/mm³'],
  // Cells abbreviated ("1.840 céls/mm³", a CSF count) are the same count.
  // Not when a power follows ("/µL x10⁶", above): the alternation tries the longer pattern text first, not the longer match.
  // The same transcription prints the cube as a square ("412.000   /mm²", h1653): no blood or fluid count is per area.
  ['(?:c[eé]lulas|c[eé]ls\\.?)?\\/(?:mm3|mm³|mm²|ul|µl|μl)(?!\\s?x\\s?10)', '/mm³'],
  // A viral load in copies, spelt with its accent ("< 40 cópias/mL"), which the generic shape does not take.
  ['c[oóÓ]pias\\/ml', 'cópias/mL'],
  ['\\/ml', '/mL'],
  ['ml(?!\\/)', 'mL'],
  // Nucleated red cells counted per 100 white cells in the smear ("4 /100 leucócitos", "2 por 100 leuc.").
  ['(?:\\/|por\\s*)\\s*100\\s*(?:leuc[oó]citos|leuc\\.?|gb)', '/100 leucócitos'],
  // Urine sediment counts per microscope field, with a slash or in words ("4 por campo", "p/ campo").
  ['(?:\\/|por\\s*|p\\/\\s*)campo', '/campo'],
  // Colonies counted on the plate, no volume (a catheter tip rolled by Maki's semiquantitative technique:
  // "Contagem: > 15 UFC"); "UFC/mL", a count per volume, is another unit.
  ['ufc(?![\\/a-z])', 'UFC'],
  ['fl', 'fL'],
  ['pg', 'pg'],
  ['g\\/l', 'g/L'],
  // A count in millions written in words alone ("4,1 milhões", typed by a patient), as "mil" is.
  ['mi[l1]h(?:oes|ões)', 'milhões/mm³'],
  ['mil', 'mil/mm³'],
  // "mm/1ª h": the first hour's sedimentation, written as a fraction.
  ['mm\\/\\s*(?:1[ªa°]\\s*)?h(?:ora)?', 'mm/h'],
  // A narrow unit column of a LIS cuts the body surface's "m²" ("ML/MIN/1,73"): the same rate per 1,73 m².
  ['ml\\/min\\/1[,.]73(?:\\s?m(?:²|2))?', 'mL/min/1,73m²'],
  // ESR printed "até 20 mm" or "mm na 1ª hora" ("na primeira hora", said in words): millimetres in the first hour.
  ['mm(?!\\/)(?:\\s*(?:na\\s*)?(?:1[ªa°]|primeira)\\s*h(?:ora)?)?', 'mm/h'],
  ['mmhg', 'mmHg'],
  // A 24-hour excretion per body weight ("4,9 mg/kg/24 h").
  ['mg\\/kg\\/24\\s?h(?:oras)?', 'mg/kg/24h'],
  ['mg\\/24\\s?h(?:oras)?', 'mg/24h'],
  ['g\\/24\\s?h(?:oras)?', 'g/24h'],
  ['meq\\/24\\s?h(?:oras)?', 'mEq/24h'],
  ['mmol\\/24\\s?h(?:oras)?', 'mmol/24h'],
  ['ml\\/24\\s?h(?:oras)?', 'mL/24h'],
  ['(?:ug|µg|μg|mcg)\\/24\\s?h(?:oras)?', 'µg/24h'],
  // An immunoassay's signal-to-cut-off ratio ("0,18 S/CO"): else the "s" of seconds would be taken alone.
  ['s\\/co', 'S/CO'],
  // Antiphospholipid antibodies in the phospholipid units of their class ("8,0 GPL", "3,1 MPL", "GPL-U/mL").
  ['(?:u\\s?)?gpl(?:-?u)?(?:\\/ml)?', 'GPL'],
  ['(?:u\\s?)?mpl(?:-?u)?(?:\\/ml)?', 'MPL'],
  ['(?:u\\s?)?apl(?:-?u)?(?:\\/ml)?', 'APL'],
  // An index without a unit printed in the unit's place ("0,24 Índice", an immunoassay's).
  ['[ií]ndice', 'índice'],
  // A viral load restated as its logarithm ("3,09 log", "inferior a 1,60 log10"), the load's own unit
  // after it or not ("4,27 log UI/mL", "2,1 log cópias/mL"): the same scale.
  ['log(?:10|₁₀)?(?:\\s*(?:u[il]|c[oóÓ]pias)\\/ml)?', 'log'],
  ['seg(?:undos)?', 's'],
  // A bleeding or clotting time in minutes (Duke, Lee-White: "2 minutos", "7 min").
  ['min(?:utos?)?', 'min'],
  ['s', 's'],
];

// OCR also reads an m as "rn" ("ng/rnL", "pg/rnL"): every known spelling takes either, so the unit
// is recognised whole (else "pg" alone would be taken and "/rnL" left over) and compared as the same.
const ocrM = (p: string) => p.replace(/m/g, '(?:m|rn)');

const GENERIC_UNIT = '[a-zµμ%][a-zµμ0-9³²,.^]*\\/[a-zµμ0-9³²,.^/]*[a-zµμ³²]';

// Words printed after a unit that say what is counted, part of the unit: a D-dimer in "ng/mL FEU"
// (fibrinogen-equivalent units) or "ng/mL DDU" (D-dimer units) is not the same quantity as in ng/mL;
// an occupational urine index per creatinine ("g/g creatinina", "mg/g creat."); a red-cell enzyme per
// gram of haemoglobin ("U/g Hb", an erythrocyte acetylcholinesterase or G6PD).
// The haemoglobin and creatinine ones follow the unit by one space at most: a column after a unit could begin
// "Hb" or "Creatinina" ("Ureia 38 mg/dL   Creatinina 1,08 mg/dL", results side by side).
const UNIT_QUALIFIER = '(?:(?:\\s*\\(?(?:feu|ddu)\\)?|\\s?\\(?(?:(?:de\\s+)?creatinina|creat\\.?|hb|de\\s+hemoglobina)\\)?)(?![a-z]))?';

/** Pattern source (case-insensitive) matching one unit; the longest known spelling first. */
export const UNIT_PATTERN = `(?:(?:${[...SPELLINGS.map(([p]) => ocrM(p))].sort((a, b) => b.length - a.length).join('|')}|${GENERIC_UNIT})${UNIT_QUALIFIER})`;

const UNIT_AT_START = new RegExp(`^\\s*(${UNIT_PATTERN})(?![a-zà-ÿ0-9])`, 'i');

/** The unit at the start of `s`: its canonical spelling and how many characters it took. */
export function unitAtStart(s: string): { unit: string; consumed: number } | undefined {
  const m = UNIT_AT_START.exec(s);
  if (!m?.[1]) return undefined;
  return { unit: normalizeUnit(m[1]) ?? m[1], consumed: m[0].length };
}

const SPELLING_RES: ReadonlyArray<[RegExp, string]> = SPELLINGS.map(([p, unit]) => [new RegExp(`^${ocrM(p)}$`), unit]);

export function normalizeUnit(raw: string): string | undefined {
  // A qualifier after the unit: D-dimer's FEU/DDU, an occupational urine index's creatinine, spelled
  // "creatinina", "de creatinina" or "creat." — one report prints "g/g creat." beside "IBE/EE: 1,6 g/g
  // creatinina", the same unit.
  const q = /\s*\(?\b(feu|ddu|(?:de\s+)?creatinina|creat\.?|hb|de\s+hemoglobina)\)?\s*$/i.exec(raw);
  if (q && (q.index > 0 || !/^(?:hb|de\s)/i.test(q[1]!))) {
    const base = raw.slice(0, q.index);
    const qualifier = /^(?:feu|ddu)$/i.test(q[1]!) ? q[1]!.toUpperCase() : /^(?:hb|de\s+hemoglobina)$/i.test(q[1]!) ? 'Hb' : 'creatinina';
    return `${normalizeUnit(base) ?? base.trim()} ${qualifier}`;
  }
  const k = raw.trim().toLowerCase().replace(/\s+/g, '').normalize('NFC');
  for (const [re, unit] of SPELLING_RES) if (re.test(k)) return unit;
  return undefined;
}

/** Same unit, whatever the spelling ("mg/dl" = "mg/dL"; an unknown unit compared as printed, case-folded). */
export function sameUnit(a: string, b: string): boolean {
  // A sediment count abbreviated "p/c" (kept as printed) is per field, as "até 5 por campo" is (h1541).
  const perField = (u: string) => (/^p\/c(?:po)?$/.test(u) ? '/campo' : u);
  const [x, y] = [perField(normalizeUnit(a) ?? a.toLowerCase()), perField(normalizeUnit(b) ?? b.toLowerCase())];
  // A ratio to creatinine's unit with the creatinine said on one side only ("48 mg/g de creatinina" against
  // "inferior a 30 mg/g"): the gram is the creatinine's either way.
  const perCreatinine = (u: string) => u.replace(/\/g creatinina$/, '/g');
  return x === y || (x.endsWith('/g creatinina') !== y.endsWith('/g creatinina') && perCreatinine(x) === perCreatinine(y));
}
