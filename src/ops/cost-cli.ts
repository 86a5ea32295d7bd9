// `ai-worker cost-report [--since 30d] [--prices FILE] [--json]`.
import type pg from 'pg';
import { computeCostReport, loadPrices, readCostInputs, type CostLine } from './cost.ts';
import { flag, parseArgs, parseDuration, renderTable, UsageError } from './format.ts';
import type { CliIo } from './jobs-cli.ts';

export const COST_USAGE = `usage: ai-worker cost-report [--since 30d] [--prices FILE] [--json]
  --since   the period of recorded jobs to price (default 30d); monthly figures scale it to 30 days
  --prices  a JSON file shaped like data/prices.json; the keys it gives replace the dated defaults
`;

const usd = (x: number | null) => (x === null ? 'n/a' : `$${x < 0.01 && x > 0 ? x.toFixed(4) : x.toFixed(2)}`);

export async function runCostReportCommand(args: string[], db: Pick<pg.Pool, 'query'>, io: CliIo): Promise<number> {
  let since: string;
  let pricesFile: string | undefined;
  let asJson: boolean;
  try {
    const p = parseArgs(args, { since: true, prices: true, json: false, help: false });
    if (p.flags.has('help')) {
      io.out(COST_USAGE);
      return 0;
    }
    if (p.positional.length) throw new UsageError(`unexpected argument "${p.positional[0]}"`);
    since = flag(p, 'since') ?? '30d';
    parseDuration(since);
    pricesFile = flag(p, 'prices');
    asJson = p.flags.has('json');
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`ai-worker cost-report: ${err.message}\n${COST_USAGE}`);
      return 2;
    }
    throw err;
  }
  let prices;
  try {
    prices = loadPrices(pricesFile);
  } catch (err) {
    io.err(`ai-worker cost-report: ${(err as Error).message}\n`);
    return 2;
  }
  const inputs = await readCostInputs(db, parseDuration(since), prices);
  const report = computeCostReport(inputs, prices);
  if (asJson) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const cols = [
    { header: 'item', value: (l: CostLine) => l.item },
    { header: 'quantity', value: (l: CostLine) => l.quantity.toLocaleString('en-US'), align: 'right' as const },
    { header: 'window', value: (l: CostLine) => usd(l.usd_window), align: 'right' as const },
    { header: 'per month', value: (l: CostLine) => usd(l.usd_month), align: 'right' as const },
    { header: 'how', value: (l: CostLine) => l.formula },
  ];
  const t = report.totals;
  let text = `cost report: jobs created in the last ${since} (${inputs.jobs} jobs), prices of ${report.prices_as_of} (${report.currency})\n\n`;
  text += `With the VPS daemon (now)\n${renderTable(
    report.lines.filter((l) => l.design === 'vps'),
    cols,
  )}total per month: ${usd(t.vps_month)}\n\n`;
  text += `As Edge Functions only (before)\n${renderTable(
    report.lines.filter((l) => l.design === 'edge'),
    cols,
  )}total per month: ${usd(t.edge_month)}\n\n`;
  const d = t.difference_month;
  text += `difference: ${d > 0 ? 'the VPS costs' : 'the VPS saves'} ${usd(Math.abs(d))} per month, ${usd(Math.abs(t.difference_year))} per year\n`;
  for (const w of report.warnings) text += `note: ${w}\n`;
  io.out(text);
  return 0;
}
