// The operators' time windows over analysis_jobs (the dashboard, the webhook alerts, `jobs ls
// --since`, `jobs dead`, `jobs retry --failed-since`, `cost-report`), written so they read the two
// partial indexes every job passes through anyway instead of indexes of their own on created_at and
// completed_at (dropped by sql/052: each was written by every insert, claim and settle):
//   - live jobs (pending, processing): analysis_jobs_active_idx (status, user_id), few rows whatever
//     the table's size;
//   - finished jobs (completed, failed, cancelled): analysis_jobs_finished_idx on
//     coalesce(completed_at, created_at) (sql/023, retention's).
// Each window keeps its exact meaning: the added conditions are implied by the original one. A job's
// coalesce(completed_at, created_at) equals completed_at when that is set, and is at least its
// created_at (a settle stamps now() after the insert did; no constraint says so, a hand-made row
// finished before it was created would leave the created windows); status is never null and always
// one of the five (sql/002's check), so live or finished covers every row. The planner estimates the
// coalesce bound from sql/053's statistics (it keeps none for a partial index's expression).
//
// Bounds are SQL expressions over the statement's own parameters, built only by the functions below:
// no value ever enters the SQL text.

declare const bound: unique symbol;
/** An SQL timestamptz expression over placeholders, e.g. `now() - make_interval(hours => $1)`. */
export type Bound = string & { readonly [bound]: true };
type Param = `$${number}`;

/** `now()` minus the hours in parameter p. */
export const hoursAgo = (p: Param): Bound => `now() - make_interval(hours => ${p})` as Bound;
/** `now()` minus the seconds in parameter p. */
export const secondsAgo = (p: Param): Bound => `now() - make_interval(secs => ${p})` as Bound;
/** The timestamptz in parameter at minus the seconds in parameter secs (a window fixed at a given instant). */
export const secondsBefore = (at: Param, secs: Param): Bound => `${at}::timestamptz - make_interval(secs => ${secs})` as Bound;
/** The alerts' fixed evaluation window. */
export const TEN_MINUTES_AGO = `now() - interval '10 minutes'` as Bound;

const col = (alias: string | undefined, name: string): string => (alias ? `${alias}.${name}` : name);
const finishedAt = (alias?: string): string => `coalesce(${col(alias, 'completed_at')}, ${col(alias, 'created_at')})`;

/**
 * `completed_at > b`, for a statement whose own status filter admits finished jobs only (status in
 * some of completed, failed, cancelled): the redundant coalesce bound lets finished_idx serve it.
 */
export function finishedAfter(b: Bound, alias?: string): string {
  return `(${col(alias, 'completed_at')} > ${b} and ${finishedAt(alias)} > ${b})`;
}

/**
 * `created_at > b` or `completed_at > b` over every job, whatever its status: the live jobs through
 * the live index, the finished ones through finished_idx (a BitmapOr of the two partial indexes).
 * The column's own bound is written `(column > b) is true` (the same rows: a WHERE drops null and
 * false alike) so no index can take it: as a plain comparison the planner, which cannot know that
 * it adds nothing to the coalesce bound, AND-ed in a full scan of analysis_jobs_user_created_idx,
 * where created_at is the second column (16 ms at 300,000 jobs).
 */
export function anyJobAfter(column: 'created_at' | 'completed_at', b: Bound, alias?: string): string {
  const c = `(${col(alias, column)} > ${b}) is true`;
  const s = col(alias, 'status');
  return `((${s} in ('pending', 'processing') and ${c}) or (${s} in ('completed', 'failed', 'cancelled') and ${finishedAt(alias)} > ${b} and ${c}))`;
}
