// A small table of ranges under a block's labelled result, its header naming what tells its rows apart
// and the ranges' unit, each row a label and the range in the unit's column:
//
//   CREATININA                             Material: Soro | Método: Jaffé cinético
//     Resultado: 0,96 mg/dL
//     Valores de referência:   Sexo          mg/dL
//                              Feminino      0,50 a 0,90
//                              Masculino     0,70 a 1,20
//
//   25-HIDROXIVITAMINA D
//     Resultado: 22,4 ng/mL
//     Valores de referência:   População                              ng/mL
//                              Geral saudável (até 59 anos)           acima de 20
//                              60 anos ou mais, gestantes, lactantes,
//                              osteoporose e doenças osteometabólicas 30 a 60
//
// Read line by line, the header is a reference of no range and each row a line of its own, listed unread;
// the result keeps a built-in adult range for both sexes. Each row is read as the labelled range it stands
// for ("Feminino: 0,50 a 0,90 mg/dL", "18 a 59 anos: > 90 mL/min/1,73 m²"), as a labelled reference under
// the result is, so the range is picked by the patient's sex or age. A label wrapped onto a line with no
// range goes on with the next row's, which may print its range one space after it, in the unit's column.
import { cellStarts } from './columns.ts';
import { normalizeUnit } from './units.ts';

// The lead of the reference cell the header may follow ("Valores de referência:", "Referência da TFG:").
const LEAD = /^(?:valor(?:es)?\s+(?:de\s+)?refer[eê]ncia|refer[eê]ncias?(?:\s+d[aoe]s?\s+\S.*)?|intervalos?\s+de\s+refer[eê]ncia|v\.?\s?r\.?)\s*:$/iu;
// What tells the rows apart.
const HEAD = /^(?:sexo|faixa\s+et[aá]ria|idade|popula[cç][aã]o|grupo|categoria)$/iu;

export interface RangeTable {
  /** Where the rows' labels start (the head cell's column). */
  labelAt: number;
  /** Where the ranges start (the unit cell's column). */
  rangeAt: number;
  unit: string;
  /** A label wrapped onto a line of its own, waiting for its row. */
  held?: string;
}

/** The header of such a table ("Valores de referência:   Sexo   mg/dL", "Faixa etária   U/L"), or undefined. */
export function rangeTableHeader(text: string, offset: number): RangeTable | undefined {
  let cs = cellStarts(text, offset);
  if (cs.length === 3 && LEAD.test(cs[0]!.cell)) cs = cs.slice(1);
  if (cs.length !== 2 || !HEAD.test(cs[0]!.cell) || normalizeUnit(cs[1]!.cell) === undefined) return undefined;
  return { labelAt: cs[0]!.at, rangeAt: cs[1]!.at, unit: cs[1]!.cell };
}

/**
 * One line under the header: the labelled range it stands for, '' for a wrapped label held for the next
 * row, or undefined when the line is no row of the table (it starts left of the labels, or prints no range
 * in the unit's column), which ends it.
 */
export function rangeTableRow(text: string, offset: number, table: RangeTable): string | undefined {
  if (text.trim() === '' || offset < table.labelAt - 2 || offset > table.rangeAt - 4) return undefined;
  const cs = cellStarts(text, offset);
  let label: string;
  let range: string;
  const last = cs[cs.length - 1]!;
  if (cs.length >= 2 && last.at >= table.rangeAt - 6) {
    label = text.slice(0, last.at - offset).trim();
    range = last.cell;
  } else {
    // One space before the range ("osteoporose e doenças osteometabólicas 30 a 60"): cut at the word that
    // holds the unit's column.
    let k = table.rangeAt - offset;
    if (k >= text.length) {
      if (/\d/.test(text) && !table.held && !/,$/.test(text.trim())) return undefined;
      table.held = `${table.held ? `${table.held} ` : ''}${text.trim()}`;
      return '';
    }
    while (k > 0 && text[k - 1] !== ' ') k--;
    label = text.slice(0, k).trim();
    range = text.slice(k).trim();
  }
  if (label === '' || !/\d/.test(range) || !/^(?:[<>≤≥]|\d|(?:acima|abaixo|at[eé]|inferior|superior|maior|menor)\b)/iu.test(range)) return undefined;
  const full = table.held ? `${table.held} ${label}` : label;
  table.held = undefined;
  return `${full}: ${range}${/\d$/.test(range) ? ` ${table.unit}` : ''}`;
}
