// LGPD retention, run by every daemon's sweep: finished jobs are deleted after JOB_RETENTION_DAYS,
// and photos, PDFs and media URLs leave the input of finished jobs after JOB_INPUT_RETENTION_HOURS
// (the result stays: it is what the user asked for). Personal cache entries older than the job
// retention go too, whatever TTL they were given.
//
// Small batches (each its own short statement, SKIP LOCKED so daemons sweeping at once never wait
// on each other), a bounded number per sweep: a backlog after a long outage drains over a few sweeps
// instead of one long transaction. Each statement reads a partial index holding only the rows it
// wants (sql/023_retention_and_erasure.sql), so the cost follows the work, not the table's size.
import type { EventBus } from '../events.ts';

interface Queryable {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount?: number | null }>;
}

export interface RetentionSettings {
  retentionDays: number;
  inputRetentionHours: number;
  /** Rows per statement. */
  batchSize?: number;
  /** Statements per kind per sweep. */
  maxBatches?: number;
}

export interface RetentionResult {
  deleted: number;
  stripped: number;
  cacheDeleted: number;
}

const FINISHED = `status in ('completed', 'failed', 'cancelled')`;
const HAS_MEDIA = `(input ?| array['image_base64', 'document_base64', 'image_url'] or (input -> 'media') ?| array['base64', 'url'])`;

const DELETE_FINISHED = `
with doomed as (
  select id from public.analysis_jobs
   where ${FINISHED} and coalesce(completed_at, created_at) < now() - make_interval(days => $1)
   order by coalesce(completed_at, created_at)
   limit $2
   for update skip locked
)
delete from public.analysis_jobs j using doomed where j.id = doomed.id`;

// The media keys go; what the job was (type, meal_type, mime, sender, text) stays, with a marker.
const STRIP_MEDIA = `
with stale as (
  select id from public.analysis_jobs
   where ${FINISHED} and ${HAS_MEDIA} and coalesce(completed_at, created_at) < now() - make_interval(hours => $1)
   order by coalesce(completed_at, created_at)
   limit $2
   for update skip locked
)
update public.analysis_jobs j
   set input = (j.input - array['image_base64', 'document_base64', 'image_url'])
               || case when jsonb_typeof(j.input -> 'media') = 'object'
                       then jsonb_build_object('media', (j.input -> 'media') - array['base64', 'url'])
                       else '{}'::jsonb end
               || jsonb_build_object('media_removed_at', now())
  from stale
 where j.id = stale.id`;

const DELETE_OLD_PERSONAL_CACHE = `
with old as (
  select id from public.analysis_cache
   where type in ('sofia_image', 'medical_exam', 'unified_assistant', 'whatsapp_message')
     and created_at < now() - make_interval(days => $1)
   limit $2
   for update skip locked
)
delete from public.analysis_cache c using old where c.id = old.id`;

async function inBatches(db: Queryable, sql: string, arg: number, batch: number, max: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < max; i++) {
    const n = (await db.query(sql, [arg, batch])).rowCount ?? 0;
    total += n;
    if (n < batch) break;
  }
  return total;
}

/** One retention pass; the sweep calls it. Emits `retention:done` when anything was removed. */
export async function applyRetention(db: Queryable, s: RetentionSettings, events?: EventBus): Promise<RetentionResult> {
  const batch = s.batchSize ?? 500;
  const max = s.maxBatches ?? 10;
  const stripped = await inBatches(db, STRIP_MEDIA, s.inputRetentionHours, batch, max);
  const deleted = await inBatches(db, DELETE_FINISHED, s.retentionDays, batch, max);
  const cacheDeleted = await inBatches(db, DELETE_OLD_PERSONAL_CACHE, s.retentionDays, batch, max);
  const result = { deleted, stripped, cacheDeleted };
  if (events && (deleted || stripped || cacheDeleted)) events.emit('retention:done', result);
  return result;
}
