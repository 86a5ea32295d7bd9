// A visual report draws each result on a coloured bar and explains the colours in a legend:
//
//   Legenda:
//      ■ Verde ........ inferior a 5,7 %
//      ■ Amarelo ...... 5,7 a 6,4 % (risco aumentado / pré-diabetes)
//   Seu resultado está na faixa: AMARELA
//   Faixa do resultado: VERMELHA
//
// A legend row names a colour, not an analyte, and its range is the band's, not a value: read as a row it
// would make "■ Verde" a result of 5,7 %. The band the result fell in is the lab's verdict in colours, which
// says in or out but never which side (yellow may be either): the value and its reference decide the flag.
// Both are set aside, neither a result nor a title.
// A legend printed on one line under each value ("Legenda: ■ Verde 3,4 a 7,0 | ■ Vermelho fora desta faixa")
// is that value's: the report says its green band is the reference interval, so that band is its reference.
import { isReferenceText } from './reference.ts';

const COLOUR = String.raw`(?:verde|amarel[oa]|vermelh[oa]|laranja|azul|cinza|roxo)`;
const SWATCH = String.raw`(?:[■□▪▫◼◻●○•▮]|[🟢🟡🟠🔴🔵🟩🟨🟧🟥🟦])\uFE0F?`;

// "■ Verde ........ 70 a 99 mg/dL (normal)", "● Vermelho: igual ou superior a 126": a swatch before the colour
// word, which leads the line; dot leaders or a colon after it.
const LEGEND_ROW = new RegExp(String.raw`^${SWATCH}\s*${COLOUR}\b(?:\s*[.·…]{2,}\s*|\s*[:=\-–]\s*|\s+)\S`, 'iu');

// "Seu resultado está na faixa: AMARELA", "Faixa do resultado: VERDE", "Resultado na faixa vermelha".
const BAND_VERDICT = new RegExp(
  String.raw`^(?:(?:seu\s+)?resultado\s+(?:est[aá]\s+)?na\s+faixa|faixa\s+d[oa]\s+(?:seu\s+)?resultado)\s*:?\s*${COLOUR}\.?$`,
  'iu',
);

/** Whether the line is a colour legend's row or the colour band a result fell in: no result, no title. */
export function isColourLegendLine(t: string): boolean {
  const s = t.trim();
  return LEGEND_ROW.test(s) || BAND_VERDICT.test(s) || isLegendLine(s);
}

// "Legenda: ■ Verde 0,70 a 1,30 | ■ Vermelho fora desta faixa": the bands on one line, set apart by bars
// (a cell gap once the bars are read), each opened by its swatch.
const LEGEND_LINE = new RegExp(String.raw`^legenda\s*:\s*${SWATCH}?\s*${COLOUR}\b`, 'iu');
const GREEN_BAND = new RegExp(
  String.raw`^(?:legenda\s*:\s*)?${SWATCH}?\s*verde\b(?:\s*[.·…]{2,}\s*|\s*[:=\-–]\s*|\s+)([^|]+?)(?:\s*\||\s{2,}|\s*${SWATCH}|$)`,
  'iu',
);

/** Whether the line is a one-line legend of a value's colour bands, its bands set apart by bars. */
export function isLegendLine(t: string): boolean {
  return LEGEND_LINE.test(t.trim());
}

/** The range a legend's green band names ("Legenda: ■ Verde até 41 | …" → "até 41"), when it is one. */
export function greenBand(t: string): string | undefined {
  const m = GREEN_BAND.exec(t.trim());
  return m && isReferenceText(m[1]!) ? m[1]! : undefined;
}

// A legend's cell as a table's column sets it apart: a swatch or a colour word opens it ("■ Vermelho fora desta
// faixa"), or it is a colour's band alone in the cell after its colour ("■ Verde   70 a 99"). What follows the
// legend is set apart as a cell, or after a ';' ("■ Vermelho acima de 40 ; HBsAg: Reagente").
const LEGEND_CELL = new RegExp(String.raw`^(?:${SWATCH}|${COLOUR}\b)`, 'iu');
const COLOUR_ONLY = new RegExp(String.raw`^(?:legenda\s*:\s*)?${SWATCH}?\s*${COLOUR}\s*[:.·…]*$`, 'iu');

/**
 * What a colour legend's line prints after the legend, in cells of its own ("■ Verde ........ 70 a 99 mg/dL
 * (normal)   Ureia 49,3 mg/dL", a two-column page whose right column runs beside the legend): another result
 * or its name, a number alone, to be read (or listed) as any line is. Undefined when the legend fills the line.
 */
export function afterColourLegend(t: string): string | undefined {
  const cells = t.trim().split(/\s{2,}|\s*;\s+/);
  let k = 1;
  // A colour alone in its cell has its band in the next one.
  if (COLOUR_ONLY.test(cells[0]!) && cells.length > 1) k++;
  // A one-line legend's further bands, each opened by its swatch or colour.
  if (isLegendLine(cells[0]!)) while (k < cells.length && LEGEND_CELL.test(cells[k]!)) k++;
  const rest = cells.slice(k).join('   ');
  return rest === '' ? undefined : rest;
}
