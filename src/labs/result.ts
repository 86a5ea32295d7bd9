// What reading a lab report yields (the shapes the medical_exam job returns), and the groups the
// line reader builds on the way: one or two values after a name, with the reference text printed
// for them.
import type { AnalyteDef, KnownName } from './analytes.ts';
import type { LabFlag, QualitativeFlag } from './reference.ts';
import type { ValueRead } from './value.ts';

export interface ParsedAnalyte {
  /** Catalogue key (e.g. "glicose"), or null for an analyte read from the report but not catalogued. */
  key: string | null;
  name: string;
  value: number;
  /** "<" for a result printed "< 0,5" / "inferior a 0,5"; the value is then the bound. */
  comparator: '<' | '>' | null;
  unit: string | null;
  reference_low: number | null;
  reference_high: number | null;
  reference_text: string | null;
  reference_source: 'report' | 'built_in' | null;
  flag: LabFlag;
  /** 'model' when the text model read it from an unparsed line and grounding accepted it. */
  source: 'parser' | 'model';
  /** 0-based line of the report the value was read from. */
  line: number;
}

/** A result read, numeric or qualitative, as the passes that rename results see it: its printed name, catalogue key and line. */
export type NamedResult = Pick<ParsedAnalyte, 'key' | 'name' | 'line'>;

export interface QualitativeAnalyte {
  key: string | null;
  name: string;
  /** As printed ("Negativo", "Não reagente"), or the titre of a reactive result ("1/8"). */
  value: string;
  reference_text: string | null;
  /** Against the printed qualitative reference; 'indeterminado' when none is printed. */
  flag: QualitativeFlag;
  source: 'parser' | 'model';
  line: number;
}

export interface LabParseResult {
  analytes: ParsedAnalyte[];
  qualitative: QualitativeAnalyte[];
  unparsed_lines: string[];
}

/** One value read after a name. */
export interface Entry {
  def: AnalyteDef | KnownName | undefined;
  name: string;
  read: ValueRead;
  line: number;
  /**
   * The title of the block whose result this row gives in another form ("TEMPO DE PROTROMBINA (TP)" over
   * "Tempo" / "Atividade" / "INR"): shown before the row's name ("TEMPO DE PROTROMBINA (TP) - INR").
   */
  block?: string;
}

export interface Group {
  entries: Entry[];
  refItems: string[];
  /** The reference lead said its ranges are risk tiers ("VR (risco cardiovascular):"): a bare "Baixo:" is low risk. */
  riskTiers?: boolean;
  /**
   * The reference printed in words in the reference column beside a word result ("FA" beside "FAS",
   * "Atividade presente"): the words a normal result reads, whatever they are.
   */
  wordReference?: string;
}
