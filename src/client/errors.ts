// Every error the app can meet while starting or following an analysis, as a message a patient
// understands (pt-BR) and whether "Tentar novamente" can help. Codes are the gateway's
// (src/gateway: 4xx/5xx bodies {error:{code,message}}) and the jobs' (analysis_jobs.error.code);
// the English `message` is never shown; a 422's `user_message` (Portuguese, from the analysis) is.

export interface AnalysisError {
  /** Machine-readable: the gateway's or the job's code, or network / relay / timeout on the client. */
  code: string;
  /** What the person reads, in Portuguese. */
  message: string;
  /** Whether trying again (same input) can succeed. */
  retryable: boolean;
  /** For rate limits: seconds to wait before trying again. */
  retryAfterSeconds?: number;
  /** HTTP status when the error came from a function call. */
  httpStatus?: number;
}

const SESSION = 'Sua sessão expirou. Entre novamente para continuar.';
const APP_BUG = 'Ocorreu um erro no aplicativo ao enviar a análise. Atualize o aplicativo e tente novamente.';
const UNSTABLE = 'O serviço está instável no momento. Tente novamente em alguns instantes.';
const PROVIDERS = 'Nossos serviços de análise estão sobrecarregados ou fora do ar. Tente novamente em alguns minutos.';

/** code → [message, retryable]. */
export const ERROR_MESSAGES: Record<string, readonly [string, boolean]> = {
  // Client side
  network: ['Sem conexão com a internet. Verifique sua conexão e tente novamente.', true],
  relay: ['Não foi possível falar com o servidor agora. Tente novamente em instantes.', true],
  // Gateway: who is asking
  missing_token: [SESSION, false],
  invalid_token: [SESSION, false],
  token_expired: [SESSION, false],
  unauthorized: [SESSION, false],
  forbidden: ['Você não tem permissão para fazer esta análise.', false],
  // The WhatsApp webhook's, never the app's; listed so every gateway code has a text.
  invalid_signature: [APP_BUG, false],
  job_type_not_allowed: [APP_BUG, false],
  // Gateway: how much
  rate_limited: ['Muitas análises em pouco tempo.', true],
  too_many_active_jobs: ['Você já tem análises em andamento. Aguarde uma terminar e tente novamente.', true],
  payload_too_large: ['O arquivo é grande demais. Envie uma foto ou um documento menor.', false],
  image_too_large: ['A imagem é grande demais. Envie uma foto menor.', false],
  // Gateway: what was sent
  invalid_input: ['Não conseguimos ler o que foi enviado. Confira o arquivo ou o texto e tente de novo.', false],
  invalid_json: [APP_BUG, false],
  unsupported_media_type: [APP_BUG, false],
  bad_request: [APP_BUG, false],
  method_not_allowed: [APP_BUG, false],
  function_not_found: [APP_BUG, false],
  unsupported_type: [APP_BUG, false],
  not_found: ['Não encontramos esta análise. Ela pode ter expirado.', false],
  // Cancelling a job that has already ended.
  already_completed: ['Esta análise já foi concluída.', false],
  already_failed: ['Esta análise já terminou com erro.', false],
  already_cancelled: ['Esta análise já foi cancelada.', false],
  // Gateway: the service
  database_unavailable: [UNSTABLE, true],
  internal: [UNSTABLE, true],
  // Jobs: the input
  unsupported_image: ['Formato de imagem não suportado. Use uma foto JPG ou PNG.', false],
  image_download_failed: ['Não conseguimos baixar a imagem. Envie a foto novamente.', true],
  image_download_timeout: ['Não conseguimos baixar a imagem. Envie a foto novamente.', true],
  invalid_pdf: ['Não conseguimos ler este PDF. Envie um PDF com texto ou uma foto nítida do exame.', false],
  pdf_no_text: ['Não conseguimos ler este PDF. Envie um PDF com texto ou uma foto nítida do exame.', false],
  infeasible: ['Não foi possível montar um cardápio com essas metas e restrições. Ajuste as preferências e tente de novo.', false],
  blocked: ['Este conteúdo não pôde ser analisado.', false],
  // Jobs: the models
  providers_unavailable: [PROVIDERS, true],
  providers_rate_limited: [PROVIDERS, true],
  providers_rejected: [PROVIDERS, true],
  no_provider: [PROVIDERS, true],
  circuit_open: [PROVIDERS, true],
  overloaded: [PROVIDERS, true],
  assistant_unavailable: [PROVIDERS, true],
  no_detector: [PROVIDERS, true],
  no_vision: [PROVIDERS, true],
  provider_error: [PROVIDERS, true],
  network_error: [PROVIDERS, true],
  bad_response: [PROVIDERS, true],
  empty_answer: [PROVIDERS, true],
  model_not_found: [PROVIDERS, true],
  timeout: ['A análise demorou demais e foi interrompida. Tente novamente.', true],
  shutdown: [UNSTABLE, true],
  lease_lost: [UNSTABLE, true],
  handler_error: ['Não foi possível concluir a análise. Tente novamente.', true],
  cancelled: ['A análise foi cancelada.', true],
};

const FALLBACK: readonly [string, boolean] = ['Não foi possível concluir a análise. Tente novamente.', true];

/** The slow notice: shown past the expected time, while the job is still followed. */
export const SLOW_MESSAGE = 'Está demorando mais que o esperado. Continuamos acompanhando sua análise.';

export function analysisError(code: string, extra: { retryAfterSeconds?: number; httpStatus?: number } = {}): AnalysisError {
  const [base, retryable] = ERROR_MESSAGES[code] ?? FALLBACK;
  let message = base;
  if (code === 'rate_limited') {
    const s = extra.retryAfterSeconds;
    message = s && s > 0 ? `${base} Aguarde ${s} ${s === 1 ? 'segundo' : 'segundos'} e tente novamente.` : `${base} Aguarde um pouco e tente novamente.`;
  }
  const out: AnalysisError = { code, message, retryable };
  if (extra.retryAfterSeconds !== undefined) out.retryAfterSeconds = extra.retryAfterSeconds;
  if (extra.httpStatus !== undefined) out.httpStatus = extra.httpStatus;
  return out;
}

/** The job's own error column ({code, message}) as an AnalysisError; unknown shapes get the fallback. */
export function jobError(error: unknown): AnalysisError {
  const code = typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : 'unknown';
  return analysisError(code);
}

/**
 * The `error` of a `supabase.functions.invoke` call: FunctionsFetchError (no connection),
 * FunctionsRelayError, or FunctionsHttpError whose `context` is the Response with our JSON body.
 */
export async function invokeError(error: unknown, response?: Response): Promise<AnalysisError> {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'FunctionsFetchError') return analysisError('network');
  if (name === 'FunctionsRelayError') return analysisError('relay');
  const res = response ?? ((error as { context?: unknown } | null)?.context as Response | undefined);
  if (res && typeof res.status === 'number') {
    let code = `http_${res.status}`;
    let userMessage: string | undefined;
    try {
      const body = (await res.clone().json()) as { error?: { code?: unknown; user_message?: unknown } };
      if (typeof body?.error?.code === 'string') code = body.error.code;
      // A 422 says, in Portuguese, what to change in the input (why no meal plan fits, which limit the image passed).
      if (typeof body?.error?.user_message === 'string') userMessage = body.error.user_message;
    } catch {
      // Not our JSON (a proxy's HTML page): the status decides below.
    }
    if (code.startsWith('http_')) code = res.status === 429 ? 'rate_limited' : res.status >= 500 ? 'internal' : res.status === 401 ? 'invalid_token' : code;
    const retryAfter = Number(res.headers?.get?.('retry-after'));
    const out = analysisError(code, {
      httpStatus: res.status,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: Math.ceil(retryAfter) } : {}),
    });
    return userMessage ? { ...out, message: userMessage } : out;
  }
  return analysisError('network');
}
