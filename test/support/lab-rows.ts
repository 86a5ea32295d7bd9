// The rows a lab probe compares (test/unit/lab-*.test.ts): each result as [name, value, flag], or with its unit
// between value and flag, numeric results first, then qualitative ones (their unit null).
import type { LabParseResult } from '../../src/labs/parse.ts';

export const rows = (r: LabParseResult) => [
  ...r.analytes.map((a) => [a.name, a.value, a.flag] as const),
  ...r.qualitative.map((a) => [a.name, a.value, a.flag] as const),
];

/** The result read under this name, numeric or qualitative. */
export const rowNamed = (r: LabParseResult, name: string) => [...r.analytes, ...r.qualitative].find((a) => a.name === name);

export const rowsWithUnits = (r: LabParseResult) => [
  ...r.analytes.map((a) => [a.name, a.value, a.unit, a.flag] as const),
  ...r.qualitative.map((a) => [a.name, a.value, null, a.flag] as const),
];
