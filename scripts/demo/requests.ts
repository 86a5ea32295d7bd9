// The demo's six requests: one per AI function (through its own edge function, as the app calls it)
// plus a chat turn through enqueue-analysis. Inputs are realistic but invented: no real
// patient, phone number or photo.
import { platePng } from './png.ts';

export const LAB_REPORT = `LABORATÓRIO DEMONSTRAÇÃO - ANÁLISES CLÍNICAS
Paciente: PACIENTE DE DEMONSTRAÇÃO          Idade: 52 anos    Sexo: M
Data da coleta: 03/11/2026 07:30            Data de liberação: 04/11/2026

EXAME                      RESULTADO       VALOR DE REFERÊNCIA
GLICOSE                    104 mg/dL       70 a 99 mg/dL
HEMOGLOBINA GLICADA        6,1 %           Inferior a 5,7 %
COLESTEROL TOTAL           212 mg/dL       Inferior a 190 mg/dL
HDL                        38 mg/dL        Superior a 40 mg/dL
LDL                        139 mg/dL       Inferior a 130 mg/dL
TRIGLICERÍDEOS             168 mg/dL       Inferior a 150 mg/dL
CREATININA                 0,98 mg/dL      0,70 a 1,30 mg/dL
TSH                        2,10 µUI/mL     0,40 a 4,00 µUI/mL
VITAMINA D 25-OH           18 ng/mL        Superior a 20 ng/mL
HEMOGLOBINA                14,8 g/dL       13,5 a 17,5 g/dL
PLAQUETAS                  245.000 /mm³    150.000 a 450.000 /mm³
FERRITINA                  85 ng/mL

Bioquímico responsável: CRF 00000 (documento de demonstração)
`;

/**
 * The YOLO emulator's detections are a function of the image bytes; this variant makes it "see"
 * arroz, feijão, frango and macarrão — a plausible Brazilian lunch.
 */
export const PLATE_VARIANT = 62;

export function sofiaInput() {
  return { image_base64: platePng(160, 120, PLATE_VARIANT).toString('base64'), meal_type: 'almoco' };
}

export function examInput() {
  return { text: LAB_REPORT };
}

export function assistantInput() {
  return {
    messages: [{ role: 'user', content: 'Meus exames mostraram colesterol um pouco alto. O que posso mudar no café da manhã e no jantar?' }],
  };
}

export function mealPlanInput() {
  return { kcal_target: 1800, meals_per_day: 4, days: 2, restrictions: ['lactose_free'] };
}

export const WHATSAPP_FROM = '5511900000000';
export const WHATSAPP_TEXT = 'Oi! Pode montar um cardápio vegetariano de 1600 kcal para 1 dia?';
