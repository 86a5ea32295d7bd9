// A differential printed one value a line, the percent and the count each on a line of its own ("Eosinófilos: 9 %" /
// "Eosinófilos (absoluto): 801 /mm³", a photo's bullets, h1659): two results of one analyte, told apart only by their
// units. Printed on one line, the percent is named with "(%)" after the name (flagging.ts); printed on two, it is
// named so too, so that the report does not give one name to two values.

import type { LabParseResult } from './result.ts';

const NAMES_PERCENT = /%/u;

/** The result with each percent named "(%)" when the same analyte is read in another unit in the report too. */
export function percentNamed(r: LabParseResult): LabParseResult {
  const otherUnits = new Set(r.analytes.filter((a) => a.key !== null && a.unit !== null && a.unit !== '%').map((a) => a.key));
  if (!r.analytes.some((a) => a.unit === '%' && a.key !== null && otherUnits.has(a.key) && !NAMES_PERCENT.test(a.name))) return r;
  return {
    ...r,
    analytes: r.analytes.map((a) =>
      a.unit === '%' && a.key !== null && otherUnits.has(a.key) && !NAMES_PERCENT.test(a.name) ? { ...a, name: `${a.name} (%)` } : a,
    ),
  };
}
