// A coagulation block printed as a small table with the patient's and the control's values side by side
// ("TEMPO DE PROTROMBINA (TP)" over "Paciente   Controle do dia   Valores de referência" over "Tempo
// 12,8 s   12,1 s   9,8 a 13,4 s", "Atividade   87 %   100 %   70 a 120 %"): the control's cell is the
// lab's check of its reagents, never a result of the patient (read, it would be taken for the
// reference or for a second result), and each row's label ("Tempo", "Atividade") names a quantity of
// the block's test, not a test of its own.
import { lookupName } from './analytes.ts';
import { cellStarts } from './columns.ts';
import { CONTROL_LEAD, CONTROL_RATIO, cleanName } from './piece.ts';

export interface PatientControlColumns {
  /** Where the control's column starts, and where the column after it starts. */
  controlFrom: number;
  controlTo: number;
  /** The block's title, which names the rows under the header. */
  title: string | undefined;
}

const PATIENT_HEAD = /^(?:paciente|resultado\s+(?:d[oa]\s+)?paciente|amostra)$/iu;
const NAMES_HEAD = /^(?:testes?|exames?|an[aá]lises?|par[aâ]metros?|determina[cç](?:[aã]o|[oõ]es))$/iu;
const CONTROL_HEAD = new RegExp(String.raw`^${CONTROL_LEAD}(?:\s+(?:normal|d[oa]\s+dia))?$`, 'iu');

/** The columns of a header naming the patient's column and then the control's; undefined for any other line. */
export function patientControlColumns(text: string, offset: number, title: string | undefined): PatientControlColumns | undefined {
  if (!/controle|pool|padr/iu.test(text)) return undefined;
  const starts = cellStarts(text, offset);
  const patient = starts.findIndex((c) => PATIENT_HEAD.test(c.cell));
  const control = starts.findIndex((c) => CONTROL_HEAD.test(c.cell));
  if (patient < 0 || control !== patient + 1) return undefined;
  // A header may head the names' column too ("TESTE   PACIENTE   POOL   UNIDADE   INTERVALO DE REFERÊNCIA"):
  // its rows then carry a test's full name each, not a quantity of the block's title.
  const namesHead = patient === 1 && NAMES_HEAD.test(starts[0]!.cell);
  if (patient !== 0 && !namesHead) return undefined;
  if (
    !starts.every(
      (c, i) =>
        i === patient ||
        i === control ||
        (namesHead && i === 0) ||
        /^(?:valor(?:es)?\s+de\s+refer[eê]ncia|(?:intervalos?|faixas?)\s+de\s+refer[eê]ncia|refer[eê]ncias?|unidades?|v\.?\s?r\.?)$/iu.test(c.cell),
    )
  )
    return undefined;
  return {
    controlFrom: starts[control]!.at,
    controlTo: starts[control + 1]?.at ?? Number.POSITIVE_INFINITY,
    title: namesHead ? undefined : title,
  };
}

// A control value is printed under its header, give or take a right alignment.
const SLACK = 3;

/**
 * A row under such a header without the control's cell, its label naming the block's quantity: the
 * time is the block's test ("Tempo" under "TEMPO DE PROTROMBINA (TP)"), a ratio carries the test's short
 * name ("Relação P/C (TTPa)"), a name the catalogue knows stays ("RNI"), any other label is read with
 * the title ("Atividade - TEMPO DE PROTROMBINA (TP)"). A row with no cell in the control column is returned as printed.
 */
export function patientRow(text: string, offset: number, cols: PatientControlColumns): string {
  const starts = cellStarts(text, offset);
  if (starts.length < 2) return text;
  const kept = starts.filter((c, i) => i === 0 || c.at < cols.controlFrom - SLACK || c.at >= cols.controlTo - SLACK);
  if (kept.length === starts.length) return text;
  const label = kept[0]!.cell;
  const title = cols.title;
  let name = label;
  // An abbreviation alone ("RNI", "INR") is a test's name of its own.
  if (title !== undefined && !lookupName(cleanName(label)) && !/^\p{Lu}{2,5}$/u.test(label)) {
    const short = /\(([^()]{1,12})\)\s*$/.exec(title)?.[1];
    if (/^tempo(?:\s+(?:d[oa]\s+)?paciente)?$/iu.test(label)) name = title;
    else if (CONTROL_RATIO.test(label) && short) name = `${label} (${short})`;
    else name = `${label} - ${title}`;
  }
  return [name, ...kept.slice(1).map((c) => c.cell)].join('   ');
}
