// Catalogue of the lab analytes the parser knows by name, with pt-BR names, the synonyms and
// abbreviations Brazilian reports use, a canonical unit, the common unit conversions, and a built-in
// adult reference range used only when the report gives none (reference_source: 'built_in').
//
// Built-in ranges are deliberately the usual adult ranges of Brazilian laboratories and consensus
// documents (SBC/SBPC lipid consensus 2017, SBD for glucose/HbA1c, SBEM/SBPC for vitamin D). Where
// the range depends on sex and the sex is unknown, the range spans both (e.g. hemoglobin 12.0–17.5):
// a value outside it is abnormal for anyone; one inside may still matter for one sex, which
// docs/labs.md states as a limit.
import { foldText } from '../text/fold.ts';

export interface ReferenceRange {
  low: number | null;
  high: number | null;
  /** True when the bound itself is outside the range ("< 200": 200 is already high). */
  lowExclusive?: boolean;
  highExclusive?: boolean;
  text: string;
}

export interface AnalyteDef {
  key: string;
  /** pt-BR display name. */
  name: string;
  /** Names and abbreviations as printed on reports (matched accent- and case-insensitively). */
  synonyms: readonly string[];
  unit: string;
  /** Factor to multiply a value in `unit` key to get the canonical unit. */
  conversions?: Readonly<Record<string, number>>;
  builtIn: ReferenceRange;
  /** The range for each sex, where labs print one for each: used instead of `builtIn` when the patient's sex is known. */
  bySex?: Readonly<Record<'M' | 'F', ReferenceRange>>;
}

/** The built-in range for this patient: their sex's where the catalogue holds one for each, else the one spanning both. */
export const builtInRange = (def: AnalyteDef, sex: 'M' | 'F' | undefined): ReferenceRange => (sex && def.bySex?.[sex]) || def.builtIn;

const r = (low: number | null, high: number | null, text: string, ex: { lowExclusive?: boolean; highExclusive?: boolean } = {}): ReferenceRange => ({
  low,
  high,
  text,
  ...ex,
});

export const ANALYTES: readonly AnalyteDef[] = [
  {
    key: 'glicose',
    name: 'Glicose',
    synonyms: [
      'glicose',
      'glicemia',
      'glicose em jejum',
      'glicemia de jejum',
      'glicemia em jejum',
      'glicemia jejum',
      'glicose jejum',
      'glicose plasmatica',
      'glucose',
      'glic',
      'glic jejum',
      'glic de jejum',
      // A ward note's shorthand ("Gli 182", h1535's physician typing an ER panel).
      'gli',
      // In Spanish, a lab across the border's report (h1730).
      'glicemia en ayunas',
      'glucosa en ayunas',
      'glucosa',
    ],
    unit: 'mg/dL',
    conversions: { 'mmol/L': 18.016 },
    builtIn: r(70, 99, '70 a 99 mg/dL (jejum)'),
  },
  {
    key: 'hba1c',
    name: 'Hemoglobina glicada (HbA1c)',
    // "Hb glicada" shortens the name as "Hb" does haemoglobin's; left to "hb" it read as an unknown name. A patient
    // typing his results, or a doctor's note, says "glicada" alone: no other analyte is "glicada".
    synonyms: [
      'hemoglobina glicada',
      'glicada',
      'hemoglobina glicosilada',
      'hemoglobina glicada a1c',
      'hb glicada',
      'hb glicosilada',
      'hba1c',
      'hb a1c',
      'a1c',
      'glico-hemoglobina',
      'glicohemoglobina',
    ],
    unit: '%',
    builtIn: r(null, 5.7, 'inferior a 5,7%', { highExclusive: true }),
  },
  // A thermal strip abbreviates names to fit its width ("COL. TOTAL", "TRIGLIC.", "LDL CALC."): the
  // abbreviations are synonyms of the lipid panel's names.
  {
    key: 'colesterol_total',
    name: 'Colesterol total',
    // A point-of-care lipid meter's receipt prints it in English ("CHOL", h1740).
    synonyms: ['colesterol total', 'colesterol', 'col. total', 'col total', 'chol'],
    unit: 'mg/dL',
    conversions: { 'mmol/L': 38.67 },
    builtIn: r(null, 190, 'desejável: inferior a 190 mg/dL', { highExclusive: true }),
  },
  {
    key: 'hdl',
    name: 'HDL-colesterol',
    synonyms: ['hdl', 'hdl-colesterol', 'hdl colesterol', 'colesterol hdl', 'hdl-c', 'colesterol - hdl'],
    unit: 'mg/dL',
    conversions: { 'mmol/L': 38.67 },
    builtIn: r(40, null, 'desejável: superior a 40 mg/dL', { lowExclusive: true }),
  },
  {
    key: 'ldl',
    name: 'LDL-colesterol',
    // "calc LDL": a point-of-care lipid meter's receipt, in English (h1740).
    synonyms: ['ldl', 'ldl-colesterol', 'ldl colesterol', 'colesterol ldl', 'ldl-c', 'colesterol - ldl', 'ldl calc', 'ldl calculado', 'calc ldl'],
    unit: 'mg/dL',
    conversions: { 'mmol/L': 38.67 },
    builtIn: r(null, 130, 'inferior a 130 mg/dL (baixo risco cardiovascular)', { highExclusive: true }),
  },
  {
    key: 'nao_hdl',
    name: 'Colesterol não-HDL',
    synonyms: ['nao-hdl', 'nao hdl', 'colesterol nao-hdl', 'colesterol nao hdl', 'nao-hdl-colesterol', 'non-hdl'],
    unit: 'mg/dL',
    conversions: { 'mmol/L': 38.67 },
    builtIn: r(null, 160, 'inferior a 160 mg/dL (baixo risco cardiovascular)', { highExclusive: true }),
  },
  {
    key: 'triglicerideos',
    name: 'Triglicerídeos',
    synonyms: ['triglicerideos', 'triglicerides', 'triglicérides', 'trigliceridios', 'triglicerídios', 'tg', 'triglic', 'trigli', 'trig'],
    unit: 'mg/dL',
    conversions: { 'mmol/L': 88.57 },
    builtIn: r(null, 150, 'inferior a 150 mg/dL (jejum)', { highExclusive: true }),
  },
  {
    key: 'tsh',
    name: 'TSH',
    synonyms: ['tsh', 'tsh ultrassensivel', 'tsh ultra-sensivel', 'tsh ultra sensivel', 'hormonio tireoestimulante', 'tireotrofina'],
    unit: 'µUI/mL',
    conversions: { 'mUI/L': 1 },
    builtIn: r(0.4, 4.5, '0,4 a 4,5 µUI/mL'),
  },
  {
    key: 't4_livre',
    name: 'T4 livre',
    synonyms: ['t4 livre', 't4l', 'tiroxina livre', 'ft4', 't4-livre'],
    unit: 'ng/dL',
    builtIn: r(0.7, 1.8, '0,7 a 1,8 ng/dL'),
  },
  {
    key: 'creatinina',
    name: 'Creatinina',
    synonyms: ['creatinina', 'creatinina serica', 'creat', 'cr'],
    unit: 'mg/dL',
    builtIn: r(0.6, 1.3, '0,6 a 1,3 mg/dL (adultos, ambos os sexos)'),
    // A woman's is lower, her muscle mass smaller: 1,3 mg/dL is high for her (Brazilian labs print 0,50 a 1,10 for women,
    // 0,70 a 1,30 for men).
    bySex: { M: r(0.7, 1.3, '0,7 a 1,3 mg/dL (homens adultos)'), F: r(0.5, 1.1, '0,5 a 1,1 mg/dL (mulheres adultas)') },
  },
  { key: 'ureia', name: 'Ureia', synonyms: ['ureia', 'uréia', 'ureia serica', 'ur', 'urea'], unit: 'mg/dL', builtIn: r(15, 45, '15 a 45 mg/dL') },
  {
    key: 'acido_urico',
    name: 'Ácido úrico',
    synonyms: ['acido urico', 'urato', 'ac urico', 'ac. urico'],
    unit: 'mg/dL',
    builtIn: r(2.4, 7.0, '2,4 a 7,0 mg/dL (adultos, ambos os sexos)'),
  },
  {
    key: 'tgo',
    name: 'TGO (AST)',
    synonyms: [
      'tgo',
      'ast',
      'tgo/ast',
      'ast/tgo',
      'tgo (ast)',
      'ast (tgo)',
      'aspartato aminotransferase',
      'transaminase oxalacetica',
      'transaminase glutamico oxalacetica',
    ],
    unit: 'U/L',
    builtIn: r(null, 40, 'até 40 U/L'),
  },
  {
    key: 'tgp',
    name: 'TGP (ALT)',
    synonyms: [
      'tgp',
      'alt',
      'tgp/alt',
      'alt/tgp',
      'tgp (alt)',
      'alt (tgp)',
      'alanina aminotransferase',
      'transaminase piruvica',
      'transaminase glutamico piruvica',
    ],
    unit: 'U/L',
    builtIn: r(null, 41, 'até 41 U/L'),
  },
  {
    key: 'ggt',
    name: 'Gama-GT',
    synonyms: ['gama-gt', 'gama gt', 'gamagt', 'ggt', 'gama glutamil transferase', 'gama-glutamiltransferase', 'gama glutamiltransferase', 'γ-gt'],
    unit: 'U/L',
    builtIn: r(null, 61, 'até 61 U/L (adultos, ambos os sexos)'),
  },
  {
    key: 'hemoglobina',
    name: 'Hemoglobina',
    synonyms: ['hemoglobina', 'hb', 'hgb'],
    unit: 'g/dL',
    builtIn: r(12.0, 17.5, '12,0 a 17,5 g/dL (adultos, ambos os sexos)'),
  },
  { key: 'hematocrito', name: 'Hematócrito', synonyms: ['hematocrito', 'ht', 'hct'], unit: '%', builtIn: r(36, 52, '36 a 52% (adultos, ambos os sexos)') },
  {
    key: 'leucocitos',
    name: 'Leucócitos',
    synonyms: ['leucocitos', 'leucocitos totais', 'globulos brancos', 'wbc', 'leuco', 'leucos', 'leuc'],
    unit: '/mm³',
    conversions: { 'mil/mm³': 1000 },
    builtIn: r(4000, 11000, '4.000 a 11.000 /mm³'),
  },
  {
    key: 'plaquetas',
    name: 'Plaquetas',
    synonyms: ['plaquetas', 'contagem de plaquetas', 'plaquetometria', 'plt', 'plaq', 'plaqs', 'plq'],
    unit: '/mm³',
    conversions: { 'mil/mm³': 1000 },
    builtIn: r(150000, 450000, '150.000 a 450.000 /mm³'),
  },
  {
    key: 'ferritina',
    name: 'Ferritina',
    synonyms: ['ferritina', 'ferritina serica'],
    unit: 'ng/mL',
    builtIn: r(15, 400, '15 a 400 ng/mL (adultos, ambos os sexos)'),
  },
  { key: 'ferro', name: 'Ferro sérico', synonyms: ['ferro', 'ferro serico', 'sideremia'], unit: 'µg/dL', builtIn: r(50, 170, '50 a 170 µg/dL') },
  {
    key: 'vitamina_d',
    name: 'Vitamina D (25-OH)',
    synonyms: [
      'vitamina d',
      // As a patient types it.
      'vit d',
      'vit. d',
      '25-oh vitamina d',
      '25 oh vitamina d',
      '25-hidroxivitamina d',
      '25 hidroxivitamina d',
      '25(oh)d',
      '25(oh) vitamina d',
      'vitamina d (25-oh)',
      'vitamina d 25-oh',
      'vitamina d3',
      '25-hidroxi vitamina d',
    ],
    unit: 'ng/mL',
    builtIn: r(20, null, 'superior a 20 ng/mL (população geral)', { lowExclusive: false }),
  },
  {
    key: 'vitamina_b12',
    name: 'Vitamina B12',
    synonyms: ['vitamina b12', 'b12', 'cianocobalamina', 'cobalamina', 'vit. b12', 'vit b12'],
    unit: 'pg/mL',
    builtIn: r(200, 900, '200 a 900 pg/mL'),
  },
  {
    key: 'sodio',
    name: 'Sódio',
    synonyms: ['sodio', 'sodio serico', 'na', 'na+'],
    unit: 'mEq/L',
    conversions: { 'mmol/L': 1 },
    builtIn: r(135, 145, '135 a 145 mEq/L'),
  },
  {
    key: 'potassio',
    name: 'Potássio',
    synonyms: ['potassio', 'potassio serico', 'k', 'k+'],
    unit: 'mEq/L',
    conversions: { 'mmol/L': 1 },
    builtIn: r(3.5, 5.1, '3,5 a 5,1 mEq/L'),
  },
  {
    key: 'pcr',
    name: 'Proteína C reativa (PCR)',
    synonyms: ['pcr', 'proteina c reativa', 'proteina c-reativa', 'pcr ultrassensivel', 'pcr-us', 'pcr us', 'proteina c reativa ultrassensivel'],
    unit: 'mg/L',
    conversions: { 'mg/dL': 10 },
    builtIn: r(null, 5, 'inferior a 5 mg/L', { highExclusive: true }),
  },
];

/**
 * Analytes recognised by name but without a built-in range (a report's own range is the only one
 * they are compared with): their display name is the catalogue's, and urine density reads "1.018"
 * as a decimal.
 */
export interface KnownName {
  key: string;
  name: string;
  synonyms: readonly string[];
  dotIsDecimal?: boolean;
  /** The row keeps its name as printed: the catalogue knows the analyte, its name is no better than the report's. */
  printedName?: boolean;
}

export const KNOWN_NAMES: readonly KnownName[] = [
  // In Spanish too ("Glóbulos Rojos", a lab across the border, h1730), as "Glóbulos Blancos" is read as the white cells.
  { key: 'hemacias', name: 'Hemácias', synonyms: ['hemacias', 'eritrocitos', 'globulos vermelhos', 'globulos rojos', 'rbc', 'hm'] },
  { key: 'vcm', name: 'VCM', synonyms: ['vcm', 'volume corpuscular medio'] },
  { key: 'hcm', name: 'HCM', synonyms: ['hcm', 'hemoglobina corpuscular media'] },
  { key: 'chcm', name: 'CHCM', synonyms: ['chcm', 'concentracao de hemoglobina corpuscular media'] },
  { key: 'rdw', name: 'RDW', synonyms: ['rdw', 'rdw-cv'] },
  { key: 'densidade', name: 'Densidade', synonyms: ['densidade', 'densidade urinaria', 'dens.'], dotIsDecimal: true },
  // On a 0-14 scale a dot is always the decimal one ("7.350 - 7.450", an analyser's range).
  { key: 'ph', name: 'pH', synonyms: ['ph', 'ph urinario'], dotIsDecimal: true },
  // Blood gas: the oxygen saturation under its abbreviations ("SatO2", "SO2", "Sat. O2").
  {
    key: 'saturacao_o2',
    name: 'Saturação de O2',
    synonyms: ['saturacao de o2', 'saturacao de oxigenio', 'saturacao o2', 'sato2', 'sat o2', 'sat. o2', 'so2', 'o2 sat', 'o2sat'],
  },
  // A saturation named by the word alone, as a relative types it under a gas's pH ("ph 7,33" / "saturacao 89",
  // h2007): known so its number alone is read as the result, but not as the oxygen's, since an iron panel's
  // "Saturação" is the transferrin's. Its name stays as printed, with no built-in range.
  { key: 'saturacao', name: 'Saturação', synonyms: ['saturacao'], printedName: true },
  // A blood gas's pCO2 as a ward note types it ("pCO2 34 | HCO3 17,8 | BE -7,2", h1535): with the pH it vouches
  // for the row's other abbreviations and bare values. No built-in range: arterial and venous differ.
  { key: 'pco2', name: 'pCO2', synonyms: ['pco2'] },
  // Its bicarbonate, typed bare under the pH and pCO2 in a family chat ("bicarbonato 15", h1921): known so the
  // number alone is read as the result. Its name stays as printed ("HCO3-", "Bicarbonato (CO2 total)").
  { key: 'bicarbonato', name: 'Bicarbonato', synonyms: ['bicarbonato', 'hco3', 'hco3-'], printedName: true },
  // Abbreviated to fit a column as the lipids are ("Fosf. alcalina").
  { key: 'fosfatase_alcalina', name: 'Fosfatase alcalina', synonyms: ['fosfatase alcalina', 'fa', 'fosf. alcalina', 'fosf alcalina'] },
  { key: 'calcio', name: 'Cálcio', synonyms: ['calcio', 'calcio total', 'calcio serico'] },
  { key: 'magnesio', name: 'Magnésio', synonyms: ['magnesio', 'magnesio serico', 'mg'] },
  { key: 'cloro', name: 'Cloro', synonyms: ['cloro', 'cloreto', 'cl', 'cl-'] },
  { key: 'albumina', name: 'Albumina', synonyms: ['albumina', 'albumina serica'] },
  // The hepatitis B vaccine's antibody, typed bare in a family chat ("anti hbs 8 (tem que ser acima de 10 …)",
  // h1989): known so its number alone is read as the result. Its name stays as printed.
  { key: 'anti_hbs', name: 'Anti-HBs', synonyms: ['anti-hbs', 'anti hbs', 'antihbs'], printedName: true },
  { key: 'insulina', name: 'Insulina', synonyms: ['insulina', 'insulina basal', 'insulina de jejum'] },
  // The iron panel beside ferritin: known so a name with an OCR slip ("Transferrlna") is read against it.
  { key: 'transferrina', name: 'Transferrina', synonyms: ['transferrina', 'transferrina serica'] },
  // Its saturation, which a LIS's narrow name column shortens ("SAT. TRANSFERRINA"): known so the short
  // name is the same analyte as the full one, not an unknown name. "Índice de saturação …" stays as printed.
  {
    key: 'saturacao_transferrina',
    name: 'Saturação da transferrina',
    synonyms: [
      'saturacao da transferrina',
      'saturacao de transferrina',
      'saturacao transferrina',
      'sat. transferrina',
      'sat transferrina',
      'sat. da transferrina',
      'sat. de transferrina',
      'sat transf',
    ],
  },
  // The urine albumin to creatinine ratio, whose "Relação" a LIS's narrow name column shortens ("REL.
  // ALBUMINA/CREATININA (urina)"): known so the short name is the same analyte as the full one.
  {
    key: 'relacao_albumina_creatinina',
    name: 'Relação albumina/creatinina',
    // The ratio is measured in urine only, so a name that says so ("RELAÇÃO ALBUMINA/CREATININA URINÁRIA") is
    // the same analyte; "urinária" is no qualifier of other names ("Creatinina urinária" is not serum creatinine).
    synonyms: [
      'relacao albumina/creatinina',
      'rel. albumina/creatinina',
      'rel albumina/creatinina',
      'razao albumina/creatinina',
      'relacao albumina/creatinina urinaria',
      'relacao albumina/creatinina na urina',
      'razao albumina/creatinina urinaria',
    ],
  },
  // The urine protein to creatinine ratio, typed in a chat after the exam's lead ("e o da urina: relação
  // proteina/creatinina 0,62 (menor que 0,2)", h1992): known so its bare value is read as the result. Its name
  // stays as printed.
  {
    key: 'relacao_proteina_creatinina',
    name: 'Relação proteína/creatinina',
    synonyms: ['relacao proteina/creatinina', 'razao proteina/creatinina', 'relacao proteinuria/creatininuria'],
    printedName: true,
  },
  // The total to HDL cholesterol ratio (Castelli's index I), which a lipid meter's receipt prints in English ("TC/HDL",
  // h1740) and a pharmacy's declaration in Portuguese ("CT/HDL"): known so the abbreviations are the one ratio.
  {
    key: 'relacao_ct_hdl',
    name: 'Relação colesterol total/HDL',
    synonyms: ['relacao colesterol total/hdl', 'relacao ct/hdl', 'ct/hdl', 'tc/hdl', 'chol/hdl', 'indice de castelli i'],
  },
  // Its binding capacity, which a narrow name column abbreviates word by word ("CAPAC. TOTAL LIG. FERRO").
  {
    key: 'ctlf',
    name: 'Capacidade total de ligação do ferro',
    synonyms: [
      'capacidade total de ligacao do ferro',
      'capacidade total de fixacao do ferro',
      'capacidade total de lig. ferro',
      'capacidade total de lig. do ferro',
      'capac. total lig. ferro',
      'capac. total de lig. do ferro',
      'cap. total lig. ferro',
      'cap. total de ligacao do ferro',
      'ctlf',
      'tibc',
    ],
  },
  // The white cell differential: known so a name with an OCR slip ("Eosin6filos", "Linf0citos") is read against it.
  { key: 'neutrofilos', name: 'Neutrófilos', synonyms: ['neutrofilos'] },
  { key: 'linfocitos', name: 'Linfócitos', synonyms: ['linfocitos'] },
  { key: 'monocitos', name: 'Monócitos', synonyms: ['monocitos'] },
  { key: 'eosinofilos', name: 'Eosinófilos', synonyms: ['eosinofilos'] },
  { key: 'basofilos', name: 'Basófilos', synonyms: ['basofilos'] },
  { key: 'acido_folico', name: 'Ácido fólico', synonyms: ['acido folico', 'folato', 'folato serico'] },
  // Tumour markers named by a number ("CA 19-9", "CA 125"): the digits are the name's, so a name cell
  // holding them still heads a column row.
  { key: 'ca_19_9', name: 'CA 19-9', synonyms: ['ca 19-9', 'ca 19.9'] },
  { key: 'ca_125', name: 'CA 125', synonyms: ['ca 125', 'ca-125'] },
  { key: 'ca_15_3', name: 'CA 15-3', synonyms: ['ca 15-3', 'ca 15.3'] },
  { key: 'ca_72_4', name: 'CA 72-4', synonyms: ['ca 72-4', 'ca 72.4'] },
  { key: 'cyfra_21_1', name: 'CYFRA 21-1', synonyms: ['cyfra 21-1', 'cyfra 21.1'] },
  // Sex hormones of a men's health or replacement follow-up: known so a name with an OCR slip
  // ("Estradlol") is read against them.
  { key: 'estradiol', name: 'Estradiol', synonyms: ['estradiol', 'estradiol e2'] },
  // Complement fractions (rheumatology panels); their ranges are the report's. Under a "COMPLEMENTO"
  // title each row is named by the fraction alone ("C3 ....: 62 mg/dL"), one letter and a digit.
  { key: 'complemento_c3', name: 'Complemento C3', synonyms: ['complemento c3', 'c3 complemento', 'fracao c3 do complemento', 'c3'] },
  { key: 'complemento_c4', name: 'Complemento C4', synonyms: ['complemento c4', 'c4 complemento', 'fracao c4 do complemento', 'c4'] },
  // Serologies of a prenatal panel and the thyroid antibody: known so a name with an OCR slip
  // ("Toxoplasrnose", "Anti-HlV", "Rubéola lgG", "antl-TPO") is read against them.
  { key: 'anti_hiv', name: 'Anti-HIV 1 e 2', synonyms: ['anti-hiv 1 e 2', 'anti-hiv 1/2', 'anti-hiv'] },
  { key: 'toxoplasmose_igg', name: 'Toxoplasmose IgG', synonyms: ['toxoplasmose igg', 'toxoplasmose - igg'] },
  { key: 'toxoplasmose_igm', name: 'Toxoplasmose IgM', synonyms: ['toxoplasmose igm', 'toxoplasmose - igm'] },
  { key: 'rubeola_igg', name: 'Rubéola IgG', synonyms: ['rubeola igg', 'rubeola - igg'] },
  {
    key: 'anti_tpo',
    name: 'Anti-TPO',
    synonyms: [
      'anti-tpo',
      'anticorpos anti-tpo',
      'anticorpo anti-tpo',
      'anti-tireoperoxidase',
      'anticorpos anti-tireoperoxidase',
      'anticorpo anti-tireoperoxidase',
      'anticorpos antitireoperoxidase',
    ],
  },
  // Creatinine measured in urine, which an occupational index per gram of creatinine prints beside it ("Creat.
  // urinária 1,42 g/L", a PCMSO attachment): known so its short name is the same analyte as the full one; it is
  // never serum creatinine (see the ratio above).
  { key: 'creatinina_urinaria', name: 'Creatinina urinária', synonyms: ['creatinina urinaria', 'creat. urinaria', 'creatinina na urina'] },
  // Benzene's biological exposure index (NR-7, PPEOB), printed under its abbreviation with the name shortened in
  // brackets ("S-PMA (ác. S-fenilmercaptúrico) 12 µg/g creat."): known so either is the same analyte.
  {
    key: 'acido_s_fenilmercapturico',
    name: 'Ácido S-fenilmercaptúrico',
    synonyms: ['acido s-fenilmercapturico', 'ac. s-fenilmercapturico', 'acido fenilmercapturico', 's-pma', 'spma'],
  },
  // The prothrombin time's normalised ratio, a number with no unit: known so "INR 1,12" among other results
  // (a discharge summary's list) is a result, not a word before a number. Its Portuguese initials name it too
  // ("RNI 1,02", a relative typing the maternity's coagulogram into WhatsApp, h1858), and the row keeps the name
  // printed: renamed "INR", a block's "TP - RNI" row read as "TP - INR", another name than the lab's (set 181).
  { key: 'inr', name: 'INR', synonyms: ['inr', 'rni'], printedName: true },
  // The APTT's ratio to the control's, a number with no unit too ("Relação TTPA 1,05", h1827).
  { key: 'relacao_ttpa', name: 'Relação TTPA', synonyms: ['relacao ttpa', 'relacao do ttpa', 'relacao kptt', 'relacao aptt', 'ttpa relacao'] },
  // The prostate-specific antigen, total and free, whose ranges go by age and are the report's: known so a value typed
  // with no unit ("PSA livre 0,9", a grandson typing the exams into the family chat, h1927) is a result, as "INR 1,12"
  // is. The row keeps the name printed.
  { key: 'psa_total', name: 'PSA total', synonyms: ['psa total', 'psa'], printedName: true },
  { key: 'psa_livre', name: 'PSA livre', synonyms: ['psa livre'], printedName: true },
  // The estimate printed beside creatinine; its reference (">= 60", stages) is the report's.
  {
    key: 'tfg',
    name: 'Taxa de filtração glomerular',
    synonyms: ['taxa de filtracao glomerular', 'taxa de filtracao glomerular estimada', 'filtracao glomerular estimada', 'tfg', 'etfg', 'tfge', 'rfge'],
  },
];

/** Folds accents and case one character at a time, so indices in the result match the original. */
// A white cell of the blood differential ("Neutrófilos", "Segmentados", "Bastonetes", "Linfócitos
// atípicos", "Metamielócitos"…): counted both as a share of the leukocytes and per microlitre.
const WHITE_CELL =
  /^(?:neutr[oó]filos|segmentad[oa]s|bastonet(?:es|ados)|bast[oõ]es|linf[oó]citos|mon[oó]citos|eosin[oó]filos|bas[oó]filos|metamiel[oó]citos|miel[oó]citos|promiel[oó]citos|blastos)(?![\p{L}])/iu;

// The same cells as a ward note shortens them inside the bracket after the white cell count ("Leuco 15.600
// (bast 8% / seg 77% / linf 10% / mono 5%)", h1535): only there, each with a share in %, are they unambiguous.
const WHITE_CELL_SHORT = /^(?:neut(?:ro)?|seg(?:m)?|bast|linf|mono|eos(?:ino)?|baso|meta|mielo|blast)\.?$/iu;

/** Whether a printed name is a ward note's shorthand of a white cell ("bast", "seg", "linf"), read only after a count. */
export function isWhiteCellShorthand(printed: string): boolean {
  return WHITE_CELL_SHORT.test(printed.trim());
}

/** Whether a printed name is a white cell of the differential, relative and absolute counts on its row. */
export function isWhiteCellName(printed: string): boolean {
  return WHITE_CELL.test(printed.trim());
}

export function foldSameLength(s: string): string {
  // ASCII needs no decomposition: the common case stays cheap on a 100 kB report.
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    if (ch.charCodeAt(0) < 128) {
      out += ch.toLowerCase();
      continue;
    }
    const f = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    out += f.length === ch.length ? f : ch;
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface SynonymEntry {
  length: number;
  re: RegExp;
  def: AnalyteDef | KnownName;
}

// Longest first, so "hemoglobina glicada" wins over "hemoglobina" and "colesterol total" over
// "colesterol". A synonym must be followed by something that is not a letter or digit, so short
// abbreviations ("hb", "na", "k", "tg") never match the start of a longer word ("Natureza").
const SYNONYMS: readonly SynonymEntry[] = ([...ANALYTES, ...KNOWN_NAMES] as Array<AnalyteDef | KnownName>)
  .flatMap((def) =>
    [def.name, ...def.synonyms].map((syn) => {
      const f = foldText(syn);
      // A word of the name may be shortened with its dot ("Glic. jejum", "Sat. transf."): the dot before the next word.
      const src = escapeRe(f).replace(/ /g, '\\.?\\s+').replace(/-/g, '[-\\s]?');
      return { length: f.length, re: new RegExp(`^\\s*${src}(?![a-z0-9])`), def };
    }),
  )
  .sort((a, b) => b.length - a.length);

/** The analyte whose name starts `text`, and how many characters of `text` the name took. */
// The parser asks about the same pieces of a line several times; a bounded memo keeps a 100 kB
// report from folding and testing ~250 synonyms per question.
const MATCH_MEMO = new Map<string, { def: AnalyteDef | KnownName; consumed: number } | undefined>();

export function matchAnalyteName(text: string): { def: AnalyteDef | KnownName; consumed: number } | undefined {
  if (MATCH_MEMO.has(text)) return MATCH_MEMO.get(text);
  const folded = foldSameLength(text);
  let found: { def: AnalyteDef | KnownName; consumed: number } | undefined;
  for (const { re, def } of SYNONYMS) {
    const m = re.exec(folded);
    if (m) {
      found = { def, consumed: m[0].length };
      break;
    }
  }
  if (MATCH_MEMO.size > 2000) MATCH_MEMO.clear();
  MATCH_MEMO.set(text, found);
  return found;
}

/** The name a row read under this catalogue entry shows: the catalogue's, or the printed one where the entry keeps it. */
export function shownCatalogueName(def: AnalyteDef | KnownName, printed: string): string {
  return 'printedName' in def && def.printedName ? printed : def.name;
}

export function isCatalogued(def: AnalyteDef | KnownName): def is AnalyteDef {
  return 'builtIn' in def;
}

/**
 * The analyte a printed name denotes, when the catalogue name is the whole name, give or take a
 * qualifier in brackets or after a dash ("LDL colesterol (Friedewald)", "TSH - Hormônio
 * tireoestimulante"). "Glicemia de jejum alterada" is not glucose: it is a category label.
 */
// The procedure word before an analyte in a public-health procedure table (SUS SIGTAP "DOSAGEM DE
// GLICOSE", "DETERMINAÇÃO DE CURVA…") names what was done, not a different analyte; so does a
// calculated result's "ESTIMATIVA DA …" (the same as "… estimada" after the name).
const PROCEDURE = /^(?:dosagem|determina[cç][aã]o|quantifica[cç][aã]o|estimativa)\s+(?:d[aeo]s?\s+)?/iu;

// The exam or panel a row belongs to, before a slash ("EAS / Densidade", "Hemograma / Hemoglobina", a
// report that prints one result a line with the exam's name in each): the analyte is the one after it.
// Only an exam's name: before a slash an analyte's name makes a ratio ("Albumina / Globulina").
// So is a dash between spaces ("EAS - LEUCÓCITOS", "HEMOGRAMA - HEMOGLOBINA", a municipal app naming each item
// an exam, h1657).
const EXAM_BEFORE_SLASH =
  /^(?:eas|urina(?:\s+(?:tipo\s+)?(?:i|1|rotina))?|sum[aá]rio\s+de\s+urina|urin[aá]lise|sedimento(?:scopia)?|hemograma|eritrograma|leucograma|lipidograma|coagulograma|hepatograma|ionograma|gasometria(?:\s+(?:arterial|venosa))?|bioqu[ií]mica)(?:\s*\/\s*|\s+[-–—]\s+)(?=\p{L})/iu;

const TIMED_SAMPLE = /^[-–—]\s*\d{1,3}\s*(?:min(?:utos?)?|h(?:oras?)?|')(?![\p{L}])/iu;

export function lookupName(printed: string): AnalyteDef | KnownName | undefined {
  const procedure = PROCEDURE.exec(printed);
  if (procedure && procedure[0].length < printed.length) return lookupName(printed.slice(procedure[0].length));
  const exam = EXAM_BEFORE_SLASH.exec(printed);
  if (exam) return lookupName(printed.slice(exam[0].length));
  const m = matchAnalyteName(printed);
  if (!m) return nearName(printed);
  const rest = printed.slice(m.consumed).trim();
  // A timed sample after a load ("Glicose - 60 min", "Insulina - 2 horas") is another result than the
  // analyte's basal one: the name stays as printed, as "Glicose 60 min" does.
  if (TIMED_SAMPLE.test(rest)) return undefined;
  // Nor are the cells a stain picks out, in brackets ("Leucócitos (peroxidase positivos)", a semen analysis's
  // round cells, h1940): a count of those cells only, in the sample's own unit, never the blood's count.
  if (/^\([^()]*\bpositiv[oa]s\b[^()]*\)$/iu.test(rest)) return undefined;
  // The sample after a comma ("CREATININA, SORO", "GLICOSE, plasma") is a qualifier too, and so is how
  // the value was got ("TFG estimada", "LDL calculado", "TFG EST. CKD-EPI 2021"): the same analyte.
  if (
    rest === '' ||
    /^(\(.*\)|%|[-–—:].*|(?:s[eé]ric[oa]|plasm[aá]tic[oa]|total|totais|estimad[oa]|calculad[oa]|est\.|calc\.|ckd[\s-]?epi|mdrd|cockcroft|schwartz)(?:\b|(?<=\.)).*|,\s*(?:soro|s[eé]ric[oa]|plasma|plasm[aá]tic[oa]|sangue(?:\s+total)?|urina)\b.*)$/i.test(
      rest,
    )
  )
    return m.def;
  return undefined;
}

// The catalogue's names as words, for a name typed short or one letter off (nearName).
const SYNONYM_WORDS: ReadonlyArray<{ words: string[]; def: AnalyteDef | KnownName }> = ([...ANALYTES, ...KNOWN_NAMES] as Array<AnalyteDef | KnownName>).flatMap(
  (def) => [def.name, ...def.synonyms].map((syn) => ({ words: foldText(syn).toLowerCase().split(/\s+/), def })),
);
const NEAR_MEMO = new Map<string, AnalyteDef | KnownName | undefined>();

/** Whether two words of letters differ by one letter put in, left out or changed. */
function oneLetterOff(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The analyte a name typed by hand or misheard denotes when it is no catalogue name as printed: each word the
 * catalogue word, or its first five letters or more ("colest total", "Hemat.", "magnes", a patient typing his
 * results), or a word of seven letters or more one letter off it ("potasio", "criatinina" in a voice transcript).
 * Only when the words say one analyte: "hema" or "prot" are too short to say which, and a word with a digit or a
 * dash ("anti-hbs", "t4") is an acronym that one letter makes another analyte.
 */
function nearName(printed: string): AnalyteDef | KnownName | undefined {
  const words = foldText(printed)
    .toLowerCase()
    .replace(/\.(?=\s|$)/g, '')
    .trim()
    .split(/\s+/);
  const key = words.join(' ');
  if (NEAR_MEMO.has(key)) return NEAR_MEMO.get(key);
  let found: AnalyteDef | KnownName | undefined;
  if (words.every((w) => /^\p{L}+$/u.test(w))) {
    const defs = new Set(
      SYNONYM_WORDS.filter(
        (s) =>
          s.words.length === words.length &&
          s.words.every((sw, i) => {
            const w = words[i]!;
            return sw === w || (w.length >= 5 && sw.startsWith(w)) || (w.length >= 7 && sw.length >= 7 && /^\p{L}+$/u.test(sw) && oneLetterOff(w, sw));
          }),
      ).map((s) => s.def),
    );
    if (defs.size === 1) found = [...defs][0];
  }
  if (NEAR_MEMO.size > 2000) NEAR_MEMO.clear();
  NEAR_MEMO.set(key, found);
  return found;
}

// Abbreviations a catalogue alone cannot vouch for, which name an analyte only beside the others of its
// panel on the same report: "CT" is total cholesterol in a hand-typed lipid list ("CT 248 (<190)", "HDL
// 44", "TG 180"), a PCR's cycle threshold or Chlamydia trachomatis elsewhere.
const PANEL_ABBREVIATIONS: ReadonlyArray<{ printed: RegExp; key: string; panel: RegExp }> = [
  { printed: /^ct$/i, key: 'colesterol_total', panel: /\b(?:hdl|ldl|tg|triglic\p{L}*)\b/iu },
];

/** The catalogue key of a panel abbreviation the report's other names vouch for; undefined else. */
export function panelAbbreviationKey(printed: string, reportText: string): string | undefined {
  const a = PANEL_ABBREVIATIONS.find((p) => p.printed.test(printed.trim()));
  return a && a.panel.test(reportText) ? a.key : undefined;
}

/** Factor from `unit` to the analyte's canonical unit, or undefined when not convertible. */
export function conversionFactor(def: AnalyteDef, unit: string): number | undefined {
  if (unit === def.unit) return 1;
  return def.conversions?.[unit];
}
