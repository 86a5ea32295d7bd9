// `ai-worker jobs …`: tables for people, --json for scripts, progress on stderr for long runs.
// Exit codes: 0 done, 1 the job was not in a state to act on (or not found), 2 usage error.
import type pg from 'pg';
import { isJobType, JOB_TYPES } from '../job-inputs/job-types.ts';
import { flag, parseArgs, parseDuration, renderTable, UsageError, utc } from './format.ts';
import { cancelJob, deadLetters, listJobs, retryFailed, retryJob, showJob, UUID_RE, type JobSummary } from './jobs.ts';

export const JOBS_USAGE = `usage:
  ai-worker jobs ls [--status S] [--type T] [--user UUID] [--since 1h] [--limit N] [--json]
  ai-worker jobs show ID [--json]
  ai-worker jobs retry ID                      failed → pending, attempts reset
  ai-worker jobs retry --failed-since 1h [--type T] [--json]
  ai-worker jobs cancel ID                     pending: cancelled now; running: its daemon aborts it
  ai-worker jobs dead [--since 7d] [--json]    failed jobs grouped by error code and type
durations: 90s, 15m, 1h, 30d, 2w
`;

const STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled'];

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr is a terminal: progress may redraw one line. */
  interactive?: boolean;
}

function jobId(value: string | undefined): string {
  if (!value) throw new UsageError('a job id is required');
  if (!UUID_RE.test(value)) throw new UsageError(`"${value}" is not a job id (a UUID)`);
  return value.toLowerCase();
}

function typeFlag(value: string | undefined): string | undefined {
  if (value !== undefined && !isJobType(value)) throw new UsageError(`unknown job type "${value}"; expected one of ${JOB_TYPES.join(', ')}`);
  return value;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

export async function runJobsCommand(args: string[], db: Pick<pg.Pool, 'query'>, io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'ls': {
        const p = parseArgs(rest, { status: true, type: true, user: true, since: true, limit: true, json: false });
        if (p.positional.length) throw new UsageError(`unexpected argument "${p.positional[0]}"`);
        const status = flag(p, 'status');
        if (status !== undefined && !STATUSES.includes(status)) throw new UsageError(`unknown status "${status}"; expected one of ${STATUSES.join(', ')}`);
        const user = flag(p, 'user');
        if (user !== undefined && !UUID_RE.test(user)) throw new UsageError(`--user "${user}" is not a user id (a UUID)`);
        const limitText = flag(p, 'limit') ?? '50';
        const limit = Number(limitText);
        if (!/^\d+$/.test(limitText) || limit < 1 || limit > 10_000) throw new UsageError('--limit: expected a whole number from 1 to 10000');
        const since = flag(p, 'since');
        const rows = await listJobs(db, { status, type: typeFlag(flag(p, 'type')), user, sinceSeconds: since ? parseDuration(since) : undefined, limit });
        if (p.flags.has('json')) io.out(json(rows));
        else if (rows.length === 0) io.out('no jobs match\n');
        else
          io.out(
            renderTable<JobSummary>(rows, [
              { header: 'id', value: (r) => r.id },
              { header: 'type', value: (r) => r.type },
              { header: 'status', value: (r) => r.status },
              { header: 'attempts', value: (r) => `${r.attempts}/${r.max_attempts}`, align: 'right' },
              { header: 'error', value: (r) => r.error_code },
              { header: 'created (UTC)', value: (r) => utc(r.created_at) },
              { header: 'finished (UTC)', value: (r) => utc(r.completed_at) },
            ]) + (rows.length === limit ? `(first ${limit}; --limit N for more)\n` : ''),
          );
        return 0;
      }
      case 'show': {
        const p = parseArgs(rest, { json: false });
        if (p.positional.length !== 1) throw new UsageError('jobs show takes one job id');
        const job = await showJob(db, jobId(p.positional[0]));
        if (!job) {
          io.err(`no job with id ${p.positional[0]}\n`);
          return 1;
        }
        if (p.flags.has('json')) {
          io.out(json(job));
          return 0;
        }
        const calls = Array.isArray(job.provider_calls) ? (job.provider_calls as Array<Record<string, unknown>>) : [];
        const lines: Array<[string, unknown]> = [
          ['id', job.id],
          ['type', job.type],
          ['status', job.status],
          ['user', job.user_id],
          ['attempts', `${job.attempts}/${job.max_attempts}`],
          ['priority', job.priority],
          ['error', job.error ? `${job.error.code}: ${job.error.message}` : null],
          ['created', utc(job.created_at)],
          ['run at', utc(job.run_at)],
          ['started', utc(job.started_at)],
          ['finished', utc(job.completed_at)],
          ['turnaround', job.turnaround_seconds === null ? null : `${job.turnaround_seconds.toFixed(1)} s`],
          ['held by', job.locked_by ? `${job.locked_by} until ${utc(job.locked_until)}` : null],
          ['cancel requested', utc(job.cancel_requested_at)],
          ['provider / model', job.provider ? `${job.provider} / ${job.model ?? '-'}` : null],
          ['tokens in / out', job.input_tokens === null && job.output_tokens === null ? null : `${job.input_tokens ?? 0} / ${job.output_tokens ?? 0}`],
          ['input fields', job.input_keys.join(', ') || null],
          ['result fields', job.result_keys.join(', ') || null],
        ];
        const width = Math.max(...lines.map(([k]) => k.length));
        let text = lines.map(([k, v]) => `${k.padEnd(width)}  ${v === null || v === undefined ? '-' : String(v)}`).join('\n') + '\n';
        if (calls.length) {
          text +=
            `\nprovider calls (last attempt)\n` +
            renderTable(calls, [
              { header: 'provider', value: (c) => c.provider as string },
              { header: 'model', value: (c) => c.model as string },
              { header: 'ok', value: (c) => (c.ok ? 'yes' : 'no') },
              { header: 'ms', value: (c) => Math.round(Number(c.ms)), align: 'right' },
              { header: 'tokens in/out', value: (c) => `${c.input_tokens ?? '-'}/${c.output_tokens ?? '-'}`, align: 'right' },
              { header: 'error', value: (c) => (c.error_code as string | undefined) ?? null },
            ]);
        }
        if (job.outcomes.length) {
          text +=
            `\nfinal states recorded\n` +
            renderTable(job.outcomes, [
              { header: 'at (UTC)', value: (o) => utc(o.at) },
              { header: 'status', value: (o) => o.status },
              { header: 'attempt', value: (o) => o.attempt, align: 'right' },
              { header: 'worker', value: (o) => o.worker_id },
            ]);
        }
        io.out(text);
        return 0;
      }
      case 'retry': {
        const p = parseArgs(rest, { 'failed-since': true, type: true, json: false });
        const since = flag(p, 'failed-since');
        if (since === undefined) {
          if (p.positional.length !== 1 || p.flags.has('type')) throw new UsageError('jobs retry takes one job id, or --failed-since DURATION [--type T]');
          const id = jobId(p.positional[0]);
          const r = await retryJob(db, id);
          if (p.flags.has('json')) io.out(json({ id, ...r }));
          else if (r.retried) io.out(`job ${id}: failed → pending (attempts reset)\n`);
          else io.err(r.status === null ? `no job with id ${id}\n` : `job ${id} is ${r.status}, not failed: left as it is\n`);
          return r.retried ? 0 : 1;
        }
        if (p.positional.length) throw new UsageError('give a job id or --failed-since, not both');
        const type = typeFlag(flag(p, 'type'));
        const progress = (done: number, total: number) => {
          if (total === 0) return;
          // A terminal gets one line redrawn per batch; a log file gets a line per batch.
          if (io.interactive) io.err(`\rretrying: ${done}/${total}${done === total ? '\n' : ''}`);
          else io.err(`retrying: ${done}/${total}\n`);
        };
        const r = await retryFailed(db, { sinceSeconds: parseDuration(since), type, onProgress: progress });
        if (p.flags.has('json')) io.out(json(r));
        else
          io.out(
            `${r.retried} failed job(s)${type ? ` of type ${type}` : ''} from the last ${since} back to pending${r.retried < r.total ? ` (${r.total - r.retried} changed meanwhile and were left alone)` : ''}\n`,
          );
        return 0;
      }
      case 'cancel': {
        const p = parseArgs(rest, { json: false });
        if (p.positional.length !== 1) throw new UsageError('jobs cancel takes one job id');
        const id = jobId(p.positional[0]);
        const outcome = await cancelJob(db, id);
        if (p.flags.has('json')) io.out(json({ id, outcome }));
        else {
          const say: Record<string, string> = {
            cancelled: 'cancelled (it had not started)',
            cancel_requested: 'cancel requested: the daemon running it aborts it now',
            not_found: 'not found',
          };
          (outcome === 'cancelled' || outcome === 'cancel_requested' ? io.out : io.err)(`job ${id}: ${say[outcome] ?? outcome.replace('_', ' ')}\n`);
        }
        return outcome === 'cancelled' || outcome === 'cancel_requested' ? 0 : 1;
      }
      case 'dead': {
        const p = parseArgs(rest, { since: true, json: false });
        if (p.positional.length) throw new UsageError(`unexpected argument "${p.positional[0]}"`);
        const since = flag(p, 'since');
        const groups = await deadLetters(db, since ? parseDuration(since) : undefined);
        if (p.flags.has('json')) io.out(json(groups));
        else if (groups.length === 0) io.out(`no failed jobs${since ? ` in the last ${since}` : ''}\n`);
        else {
          const total = groups.reduce((n, g) => n + g.count, 0);
          io.out(
            renderTable(groups, [
              { header: 'error code', value: (g) => g.code },
              { header: 'type', value: (g) => g.type },
              { header: 'jobs', value: (g) => g.count, align: 'right' },
              { header: 'first (UTC)', value: (g) => utc(g.first_at) },
              { header: 'last (UTC)', value: (g) => utc(g.last_at) },
              { header: 'latest job', value: (g) => g.example_id },
            ]) + `${total} failed job(s); retry with: ai-worker jobs retry --failed-since ${since ?? '7d'} [--type T]\n`,
          );
        }
        return 0;
      }
      case 'help':
      case '--help':
        io.out(JOBS_USAGE);
        return 0;
      default:
        io.err(sub ? `unknown jobs command "${sub}"\n${JOBS_USAGE}` : JOBS_USAGE);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`ai-worker jobs: ${err.message}\n${JOBS_USAGE}`);
      return 2;
    }
    throw err;
  }
}
