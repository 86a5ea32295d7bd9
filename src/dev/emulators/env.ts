// The environment that points a daemon's providers at running emulators: one place for the URL
// shapes each client expects (YOLO's /detect route, the Graph API version prefix).
export interface EmulatorUrls {
  yolo: string;
  ollama: string;
  gemini: string;
  whatsapp: string;
}

export interface EmulatorCredentials {
  geminiKey: string;
  whatsappToken: string;
  whatsappPhoneNumberId: string;
}

export function emulatorProviderEnv(urls: EmulatorUrls, c: EmulatorCredentials): Record<string, string> {
  return {
    YOLO_URL: `${urls.yolo}/detect`,
    OLLAMA_HOST: urls.ollama,
    GEMINI_BASE_URL: urls.gemini,
    GEMINI_API_KEY: c.geminiKey,
    WHATSAPP_API_URL: `${urls.whatsapp}/v21.0`,
    WHATSAPP_TOKEN: c.whatsappToken,
    WHATSAPP_PHONE_NUMBER_ID: c.whatsappPhoneNumberId,
  };
}
