// Grams of one day's items: bounded least squares, solved exactly by an active-set method. Pure numbers; it
// knows nothing of foods, meals' names or restrictions — the orchestrator (planner.ts) gives it rows.
//
// Objective, with lo_i ≤ x_i ≤ hi_i (the household portion range of each item):
//   Σ_k w_k ((a_k·x − T_k)/T_k)²                 day kcal (w 6), protein, carbs, fat (w 2 each)
// + Σ_m w_m ((kcal_m·x − S_m)/T_kcal)²           each meal's share of the day's energy (w 0.4)
// + Σ_c w_c ((v_c·x − C_c)/C_c)²                 only for meals over an energy or carbohydrate cap (active set)
// + λ Σ_i ((x_i − typ_i)/typ_i)²                 a faint pull to the typical serving

export interface SolverItem {
  meal: number;
  /** Per gram. */
  kcal: number;
  protein_g: number;
  carbs_g: number;
  fat_g: number;
  lo: number;
  hi: number;
  typical: number;
  fixed: boolean;
}

export interface SolverTargets {
  kcal: number;
  protein_g: number;
  carbs_g: number;
  fat_g: number;
  /** kcal each meal should carry (soft). */
  mealKcal: readonly number[];
  /** Upper bounds per meal: energy for every plan, carbohydrate for diabetic plans. */
  mealCaps: readonly MealCap[];
}

export interface MealCap {
  meal: number;
  key: 'kcal' | 'carbs_g';
  cap: number;
}

export const WEIGHT = { kcal: 6, macro: 2, meal: 0.4, cap: 40, typical: 0.002 } as const;

interface Row {
  coef: number[];
  target: number;
  w: number;
}

/**
 * Exact minimiser of the quadratic within the bounds, by an active-set method (Lawson–Hanson style):
 * solve the free variables by Gaussian elimination with the others held at their bounds; if the
 * solution leaves the box, step towards it until the first variable meets its bound and hold that one;
 * when inside, release the held variable whose gradient most wants it back. ~25 variables: microseconds
 * per linear solve, a few dozen solves at most. It replaced projected coordinate descent, which
 * zigzagged for hundreds of sweeps once heavy carbohydrate-cap rows were added.
 */
function boundedLeastSquares(items: readonly SolverItem[], rows: readonly Row[], x: number[], lambda: number): void {
  const n = items.length;
  const H: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const b = new Array<number>(n).fill(0);
  for (const row of rows) {
    const nz: number[] = [];
    for (let i = 0; i < n; i++) if (row.coef[i] !== 0) nz.push(i);
    for (const i of nz) {
      const ai = row.coef[i]! * row.w;
      b[i]! += ai * row.target;
      for (const j of nz) H[i]![j]! += ai * row.coef[j]!;
    }
  }
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    // A ridge keeps the system regular when λ = 0 (more items than targets).
    const reg = Math.max(lambda, 1e-6) / (it.typical * it.typical);
    H[i]![i]! += reg;
    b[i]! += reg * it.typical;
  }
  const free = items.map((it) => !it.fixed && it.hi > it.lo);
  const movable = free.slice();
  const eps = 1e-9;
  for (let iter = 0; iter < 4 * n + 10; iter++) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (free[i]) idx.push(i);
    const z = solveSubsystem(H, b, x, idx);
    let alpha = 1;
    let inside = true;
    idx.forEach((i, k) => {
      const it = items[i]!;
      const zi = z[k]!;
      if (zi < it.lo - eps) {
        inside = false;
        alpha = Math.min(alpha, (x[i]! - it.lo) / (x[i]! - zi));
      } else if (zi > it.hi + eps) {
        inside = false;
        alpha = Math.min(alpha, (it.hi - x[i]!) / (zi - x[i]!));
      }
    });
    if (inside) {
      idx.forEach((i, k) => (x[i] = z[k]!));
      // Release the held variable whose gradient points most strongly into the box.
      let worst = 0;
      let release = -1;
      for (let i = 0; i < n; i++) {
        if (free[i] || !movable[i]) continue;
        let g = -b[i]!;
        for (let j = 0; j < n; j++) g += H[i]![j]! * x[j]!;
        const it = items[i]!;
        const push = x[i]! <= it.lo + eps ? -g : x[i]! >= it.hi - eps ? g : Math.abs(g);
        if (push > worst + 1e-12) {
          worst = push;
          release = i;
        }
      }
      if (release < 0) return;
      free[release] = true;
      continue;
    }
    alpha = Math.max(0, alpha);
    idx.forEach((i, k) => {
      const it = items[i]!;
      x[i] = x[i]! + alpha * (z[k]! - x[i]!);
      if (x[i]! <= it.lo + 1e-7) {
        x[i] = it.lo;
        free[i] = false;
      } else if (x[i]! >= it.hi - 1e-7) {
        x[i] = it.hi;
        free[i] = false;
      }
    });
  }
}

/** Solves H[idx,idx] z = b[idx] − H[idx,rest] x[rest] by Gaussian elimination with partial pivoting. */
function solveSubsystem(H: number[][], b: number[], x: readonly number[], idx: readonly number[]): number[] {
  const m = idx.length;
  const inIdx = new Set(idx);
  const A: number[][] = idx.map((i) => idx.map((j) => H[i]![j]!));
  const rhs = idx.map((i) => {
    let v = b[i]!;
    for (let j = 0; j < x.length; j++) if (!inIdx.has(j)) v -= H[i]![j]! * x[j]!;
    return v;
  });
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    [rhs[c], rhs[p]] = [rhs[p]!, rhs[c]!];
    const piv = A[c]![c]!;
    for (let r = c + 1; r < m; r++) {
      const f = A[r]![c]! / piv;
      if (f === 0) continue;
      for (let k = c; k < m; k++) A[r]![k]! -= f * A[c]![k]!;
      rhs[r]! -= f * rhs[c]!;
    }
  }
  const z = new Array<number>(m).fill(0);
  for (let r = m - 1; r >= 0; r--) {
    let v = rhs[r]!;
    for (let k = r + 1; k < m; k++) v -= A[r]![k]! * z[k]!;
    z[r] = v / A[r]![r]!;
  }
  return z;
}

/**
 * Grams per item. Meal caps are inequalities: after a solve, every meal above a cap gets a
 * heavy row pulling it to the cap, and the solve resumes from where it was (an active-set loop; three
 * rounds are enough in practice, and the caller verifies the rounded result anyway).
 */
export function solveGrams(items: readonly SolverItem[], t: SolverTargets, lambda: number): number[] {
  const col = (k: 'kcal' | 'protein_g' | 'carbs_g' | 'fat_g') => items.map((s) => s[k]);
  const rows: Row[] = [{ coef: col('kcal'), target: t.kcal, w: WEIGHT.kcal / (t.kcal * t.kcal) }];
  for (const k of ['protein_g', 'carbs_g', 'fat_g'] as const) rows.push({ coef: col(k), target: t[k], w: WEIGHT.macro / (t[k] * t[k]) });
  t.mealKcal.forEach((target, m) => {
    rows.push({ coef: items.map((s) => (s.meal === m ? s.kcal : 0)), target, w: WEIGHT.meal / (t.kcal * t.kcal) });
  });
  const x = items.map((s) => Math.min(s.hi, Math.max(s.lo, s.typical)));
  boundedLeastSquares(items, rows, x, lambda);
  const active = new Set<MealCap>();
  for (let round = 0; round < 3 && t.mealCaps.length > 0; round++) {
    let added = false;
    for (const c of t.mealCaps) {
      if (active.has(c)) continue;
      const value = items.reduce((acc, s, i) => acc + (s.meal === c.meal ? s[c.key] * x[i]! : 0), 0);
      if (value > c.cap) {
        active.add(c);
        added = true;
        rows.push({ coef: items.map((s) => (s.meal === c.meal ? s[c.key] : 0)), target: c.cap, w: WEIGHT.cap / (c.cap * c.cap) });
      }
    }
    if (!added) break;
    boundedLeastSquares(items, rows, x, lambda);
  }
  return x;
}
