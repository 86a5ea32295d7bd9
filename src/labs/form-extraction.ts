// A form-reading OCR service's output over a photo of a report: the fields it found as key-value pairs, each
// led by its confidence in the key and in the value and quoted, with the text it found beside the value
// ("[k 0,96 | v 0,92] \"Gama GT\" => \"88 U/L\"   | texto vizinho: \"VR: 8 a 61 U/L\"  [baixa confiança]"), and
// the tables it found row by row, each cell in its own brackets after the row's number
// ("L02: [Glicose] [112] [mg/dL] [70 a 99]").
//
// Read as printed, the confidences are the numbers nearest the name, the quotes and "=>" hide the value, and a
// row's bracketed cells are no columns. So a pair is put back as the labelled line it stands for ("Gama GT: 88
// U/L   VR: 8 a 61 U/L": the neighbouring text is the value's reference, the low-confidence mark is the
// service's, no result's), and a row as its cells apart by three spaces, as a table prints them. Anything
// else the service prints (its file line with rotation and time, a table's caption with its counts, its summary)
// stays as printed, to be read or listed; a free text block is read as the text it quotes, without the block's
// number and confidence ("B3 (0,97): \"…\"": the service's, no result's).
import { matchesOf } from '../text/matches.ts';

// A pair: both confidences, the key, the value.
const PAIR = /^\s*\[k\s+[\d.,]+\s*\|\s*v\s+[\d.,]+\]\s*"([^"]*)"\s*=>\s*"([^"]*)"(.*)$/iu;
// The text found beside the value, after the pair.
const NEIGHBOUR = /\|\s*texto\s+vizinho\s*:\s*"([^"]*)"/iu;
// The service's mark on a pair it is unsure of.
const LOW_CONFIDENCE = /\[\s*baixa\s+confian[cç]a\s*\]/iu;
// A table row: its number, then nothing but bracketed cells.
const CELL_ROW = /^\s*L\d{1,3}\s*:\s*((?:\[[^\]]*\]\s*){2,})$/u;

// A free text block: its number and the service's confidence in it, then the text it read, quoted
// ("B3 (0,97): \"Resp. técnico: …\"").
const TEXT_BLOCK = /^\s*B\d{1,3}\s*\(\s*\d(?:[.,]\d+)?\s*\)\s*:\s*"(.*)"\s*$/u;

/** A pair as a labelled line, a row as its cells, a text block as its text; undefined when the line is none of them. */
function readAs(raw: string): string | undefined {
  const block = TEXT_BLOCK.exec(raw);
  if (block) return block[1]!.trim();
  const pair = PAIR.exec(raw);
  if (pair) {
    let rest = pair[3]!;
    const near = NEIGHBOUR.exec(rest);
    if (near) rest = rest.replace(near[0], '');
    rest = rest.replace(LOW_CONFIDENCE, '').trim();
    return [`${pair[1]!.trim()}: ${pair[2]!.trim()}`, (near?.[1] ?? '').trim(), rest].filter((s) => s !== '').join('   ');
  }
  const row = CELL_ROW.exec(raw);
  if (row)
    return matchesOf(/\[([^\]]*)\]/gu, row[1]!)
      .map((m) => m[1]!.trim())
      .join('   ');
  return undefined;
}

/** The lines of a form-reading service's output with its pairs and table rows read as printed lines; any other text as it is. */
export function formExtractionAsLines(raws: string[]): string[] {
  // Three such lines at least: a lone bracketed line is some other text's.
  if (raws.filter((r) => readAs(r) !== undefined).length < 3) return raws;
  return raws.map((raw) => readAs(raw) ?? raw);
}
