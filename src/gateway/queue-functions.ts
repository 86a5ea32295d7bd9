// enqueue-analysis, get-analysis-status and cancel-analysis.
import { isJobType, JOB_TYPES } from '../job-inputs/job-types.ts';
import { frame, noteRoute, rateLimit, type GatewayContext } from './context.ts';
import { withDeadline } from './db.ts';
import { HttpError, json, methodNotAllowed, readJsonObject, UUID_RE, type Handler } from './http.ts';
import { enqueueBody, isUserJobType, parseJobOptions, USER_JOB_TYPES, validateFor } from './jobs.ts';

export function enqueueAnalysis(ctx: GatewayContext): Handler {
  return frame(ctx, 'enqueue-analysis', async (req) => {
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    const user = await ctx.verifier.verify(req.headers.get('authorization'));
    rateLimit(ctx.workLimiter, user.id);
    const body = await readJsonObject(req, ctx.config.maxBodyBytes);
    if (!isJobType(body.type)) {
      throw new HttpError(400, 'invalid_input', `type must be one of ${JOB_TYPES.join(', ')}`, { fields: ['type'] });
    }
    const type = body.type;
    if (!isUserJobType(type)) {
      throw new HttpError(403, 'job_type_not_allowed', `type ${type} cannot be created by app users; allowed: ${USER_JOB_TYPES.join(', ')}`, {
        fields: ['type'],
      });
    }
    const options = parseJobOptions(body);
    const input = body.input;
    validateFor(ctx.config, type, input);
    const outcome = await withDeadline(ctx.config.db.deadlineMs, () => ctx.jobs.enqueue(user.id, { type, input, ...options }));
    noteRoute(req, { mode: outcome.kind === 'cached' ? 'cache' : 'async' });
    const { status, body: out } = enqueueBody(ctx.config, req, outcome);
    return json(status, out);
  });
}

export function getAnalysisStatus(ctx: GatewayContext): Handler {
  return frame(ctx, 'get-analysis-status', async (req) => {
    if (req.method !== 'GET') throw methodNotAllowed('GET');
    const user = await ctx.verifier.verify(req.headers.get('authorization'));
    rateLimit(ctx.statusLimiter, user.id);
    const jobId = new URL(req.url).searchParams.get('job_id') ?? '';
    if (!UUID_RE.test(jobId)) throw new HttpError(400, 'invalid_input', 'job_id must be a UUID', { fields: ['job_id'] });
    const row = await withDeadline(ctx.config.db.deadlineMs, () => ctx.jobs.status(user.claims, jobId));
    if (!row) throw notFound();
    return json(200, row);
  });
}

const CANCEL_STATUS: Record<string, number> = {
  cancelled: 200,
  cancel_requested: 200,
  not_found: 404,
  already_completed: 409,
  already_failed: 409,
  already_cancelled: 409,
};

export function cancelAnalysis(ctx: GatewayContext): Handler {
  return frame(ctx, 'cancel-analysis', async (req) => {
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    const user = await ctx.verifier.verify(req.headers.get('authorization'));
    rateLimit(ctx.workLimiter, user.id);
    const body = await readJsonObject(req, 4096);
    const jobId = body.job_id;
    if (typeof jobId !== 'string' || !UUID_RE.test(jobId)) throw new HttpError(400, 'invalid_input', 'job_id must be a UUID', { fields: ['job_id'] });
    const answer = await withDeadline(ctx.config.db.deadlineMs, () => ctx.jobs.cancel(user.claims, jobId));
    const status = CANCEL_STATUS[answer] ?? 500;
    if (status === 404) throw notFound();
    if (isSettledAnswer(answer)) {
      throw new HttpError(409, answer, `the job is ${answer.slice('already_'.length)}`, { beside: { job_id: jobId, status: answer } });
    }
    return json(status, { job_id: jobId, status: answer });
  });
}

/** request_analysis_cancel's answers for a job that has already ended: each is also the 409's code. */
function isSettledAnswer(answer: string): answer is 'already_completed' | 'already_failed' | 'already_cancelled' {
  return CANCEL_STATUS[answer] === 409;
}

function notFound(): HttpError {
  return new HttpError(404, 'not_found', 'no such job');
}
