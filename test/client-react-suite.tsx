// The tests of useAsyncAnalysis, AnalysisLoadingState, AnalysisErrorState and the sonner toasts, rendered with
// @testing-library/react under happy-dom, against the real stack (daemon + functions + Realtime
// emulator + model emulators) through the real supabase-js client. One suite, two Reacts:
// test/client-react.test.tsx runs it on the project's React 19, test/client-react18.test.ts on React 18
// (test/react18/). `react` and `react-dom` here, in @testing-library/react and in src/client/react are
// whichever the process resolves; the first test says which.
import './client-dom.ts';
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { StrictMode, useState, version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import {
  AnalysisErrorState,
  AnalysisLoadingState,
  AnalysisProvider,
  AnalysisTracker,
  useAnalysisToasts,
  useAsyncAnalysis,
  type AnalysisType,
} from '../src/client/react/index.ts';
import { startStack, type Stack } from '../scripts/demo-web/stack.ts';
import { unregisterDom } from './client-dom.ts';
import { useFreshDatabase } from './support/database.ts';
import { testPng } from './support/emulators.ts';

const MEAL_PLAN = { kcal_target: 1800, meals_per_day: 4, days: 1, restrictions: [] as string[] };
const WAIT = { timeout: 20_000 };
// The toasts go to a recorder through useAnalysisToasts' `toast` option, so the exact sequence is
// asserted; sonner's real toasts are checked in Chromium (test/e2e-web.test.ts). Every assert.ok
// carries its own message: without one, Node's assert re-reads this .tsx source to build a message,
// and under the tsx loader that stalled the process (seen here: a failing assert.ok hung the file).
const button = (name: string) => screen.getByText(name, { selector: 'button' });
const findButton = (name: string) => screen.findByText(name, { selector: 'button' }, WAIT);
const role = (r: string) => document.querySelector<HTMLElement>(`[role="${r}"]`);
const findRole = (r: string) =>
  waitFor(() => {
    const el = role(r);
    assert.ok(el, `no element with role ${r}`);
    return el;
  }, WAIT);

const toasts: string[] = [];
const recorder = Object.assign((title: string) => void toasts.push(title), {
  success: (title: string) => void toasts.push(title),
  error: (title: string, o?: { description?: string }) => void toasts.push(`${title}: ${o?.description ?? ''}`),
});

function Screen({ type, input }: { type: AnalysisType; input: unknown }) {
  const a = useAsyncAnalysis<Record<string, unknown>>(type);
  useAnalysisToasts(a, { toast: recorder });
  return (
    <div>
      <button type="button" onClick={() => void a.start(input)}>
        Analisar
      </button>
      <p data-testid="status">{a.status}</p>
      <AnalysisLoadingState analysis={a} />
      <AnalysisErrorState error={a.error} onRetry={() => void a.start(input)} />
      {a.status === 'completed' && (
        <p data-testid="done">
          {Object.keys(a.result ?? {})
            .sort()
            .join(',')}
        </p>
      )}
      {a.status === 'cancelled' && <p>Análise cancelada.</p>}
    </div>
  );
}

function app(tracker: AnalysisTracker, type: AnalysisType, input: unknown) {
  return (
    <AnalysisProvider tracker={tracker}>
      <Screen type={type} input={input} />
    </AnalysisProvider>
  );
}

export function hookSuite(options: { database: string; reactMajor: 18 | 19 }): void {
  const db = useFreshDatabase(options.database, { migrated: false });
  let stack: Stack;
  const trackers: AnalysisTracker[] = [];
  const clients: SupabaseClient[] = [];

  before(async () => {
    await db.ready;
    stack = await startStack({ databaseUrl: db.url, flags: { MEAL_PLAN_USE_ASYNC: 'true', SOFIA_USE_ASYNC: 'false' } });
  });
  afterEach(() => {
    cleanup();
    toasts.length = 0;
  });
  after(async () => {
    for (const t of trackers) await t.close();
    for (const c of clients) await c.removeAllChannels();
    await stack?.close();
    await unregisterDom();
  });

  async function trackerFor(user: string, url = stack.url): Promise<AnalysisTracker> {
    const token = await stack.tokenFor(user);
    const c = createClient(url, 'anon-key', { accessToken: async () => token });
    clients.push(c);
    const t = new AnalysisTracker({ supabase: c as never, userId: () => user });
    trackers.push(t);
    return t;
  }

  async function jobsOf(user: string): Promise<number> {
    return (await db.pool.query<{ n: number }>('select count(*)::int as n from analysis_jobs where user_id = $1', [user])).rows[0]!.n;
  }

  test(`runs on React ${options.reactMajor}: react and react-dom are that major`, () => {
    assert.equal(reactVersion.split('.')[0], String(options.reactMajor), `react ${reactVersion}`);
    assert.equal(reactDomVersion.split('.')[0], String(options.reactMajor), `react-dom ${reactDomVersion}`);
  });

  test('sync 200: Analisar → Análise concluída with the result, no job row', async () => {
    const user = randomUUID();
    render(app(await trackerFor(user), 'sofia_image', { image_base64: testPng(160, 120, 62).toString('base64'), meal_type: 'almoco' }));
    fireEvent.click(button('Analisar'));
    await waitFor(() => assert.equal(screen.getByTestId('status').textContent, 'completed'), WAIT);
    assert.match(screen.getByTestId('done').textContent ?? '', /foods/);
    await waitFor(() => assert.deepEqual(toasts, ['Análise concluída']), WAIT);
    assert.equal(await jobsOf(user), 0);
  });

  test('202 then Realtime: loading state with progress and Cancelar, toasts iniciada → concluída', async () => {
    const user = randomUUID();
    await stack.ollama.setKnobs({ latencyMs: 1500 });
    try {
      render(app(await trackerFor(user), 'meal_plan', MEAL_PLAN));
      fireEvent.click(button('Analisar'));
      const status = await findRole('status');
      assert.equal(status.getAttribute('aria-live'), 'polite');
      await waitFor(() => assert.match(status.textContent ?? '', /Tempo restante estimado: cerca de \d+ s|Quase pronto/), WAIT);
      assert.equal(role('progressbar')?.getAttribute('aria-label'), 'Progresso da análise');
      assert.ok(button('Cancelar'), 'expected: button("Cancelar")');
      await waitFor(() => assert.deepEqual(toasts, ['Análise iniciada']), WAIT);
      await waitFor(() => assert.equal(screen.getByTestId('status').textContent, 'completed'), WAIT);
      assert.equal(screen.getByTestId('done').textContent, 'days,targets,tips');
      await waitFor(() => assert.deepEqual(toasts, ['Análise iniciada', 'Análise concluída']), WAIT);
      assert.equal(role('progressbar'), null, 'the loading state is gone');
    } finally {
      await stack.ollama.setKnobs({ latencyMs: 0 });
    }
  });

  test('Cancelar stops a slow meal plan: the job ends cancelled', async () => {
    const user = randomUUID();
    await Promise.all([stack.ollama.setKnobs({ latencyMs: 30_000 }), stack.gemini.setKnobs({ latencyMs: 30_000 })]);
    try {
      render(app(await trackerFor(user), 'meal_plan', { ...MEAL_PLAN, kcal_target: 1650 }));
      fireEvent.click(button('Analisar'));
      const cancel = await findButton('Cancelar');
      await waitFor(
        async () => assert.equal((await db.pool.query(`select status from analysis_jobs where user_id = $1`, [user])).rows[0]?.status, 'processing'),
        WAIT,
      );
      fireEvent.click(cancel);
      await waitFor(() => assert.equal(screen.getByTestId('status').textContent, 'cancelled'), WAIT);
      assert.ok(screen.getByText('Análise cancelada.'), 'expected: screen.getByText("Análise cancelada.")');
      const row = (await db.pool.query(`select status from analysis_jobs where user_id = $1`, [user])).rows[0];
      assert.equal(row.status, 'cancelled');
    } finally {
      await Promise.all([stack.ollama.setKnobs({ latencyMs: 0 }), stack.gemini.setKnobs({ latencyMs: 0 })]);
    }
  });

  test('error states: invalid input has no retry; no connection offers Tentar novamente; each says it in Portuguese', async () => {
    render(app(await trackerFor(randomUUID()), 'meal_plan', { kcal_target: 'muito' }));
    fireEvent.click(button('Analisar'));
    const alert = await findRole('alert');
    assert.match(alert.textContent ?? '', /Erro na análise/);
    assert.match(alert.textContent ?? '', /Não conseguimos ler o que foi enviado/);
    assert.equal(screen.queryByText('Tentar novamente', { selector: 'button' }), null);
    cleanup();

    render(app(await trackerFor(randomUUID(), 'http://127.0.0.1:9'), 'meal_plan', MEAL_PLAN));
    fireEvent.click(button('Analisar'));
    const offline = await findRole('alert');
    assert.match(offline.textContent ?? '', /Sem conexão/);
    assert.ok(button('Tentar novamente'), 'expected: button("Tentar novamente")');
    // The toast is raised by an effect after the alert renders: wait for it, bounded.
    await waitFor(
      () =>
        assert.deepEqual(toasts, [
          'Erro na análise: Não conseguimos ler o que foi enviado. Confira o arquivo ou o texto e tente de novo.',
          'Erro na análise: Sem conexão com a internet. Verifique sua conexão e tente novamente.',
        ]),
      WAIT,
    );
  });

  test('unmount while running: the follower and the Realtime channel are released', async () => {
    const user = randomUUID();
    const tracker = await trackerFor(user);
    await stack.ollama.setKnobs({ latencyMs: 30_000 });
    try {
      const view = render(app(tracker, 'meal_plan', { ...MEAL_PLAN, kcal_target: 1700 }));
      fireEvent.click(button('Analisar'));
      await findButton('Cancelar');
      await waitFor(() => assert.equal(tracker.openChannels, 1), WAIT);
      assert.equal(tracker.following, 1);
      view.unmount();
      await waitFor(() => assert.deepEqual([tracker.following, tracker.openChannels], [0, 0]), WAIT);
    } finally {
      await stack.ollama.setKnobs({ latencyMs: 0 });
    }
  });

  test('StrictMode: double effects neither enqueue twice nor follow twice', async () => {
    const user = randomUUID();
    const tracker = await trackerFor(user);
    const joinsBefore = stack.realtime.stats.joins;
    render(<StrictMode>{app(tracker, 'meal_plan', { ...MEAL_PLAN, kcal_target: 1600 })}</StrictMode>);
    fireEvent.click(button('Analisar'));
    await waitFor(() => assert.equal(screen.getByTestId('status').textContent, 'completed'), WAIT);
    assert.equal(await jobsOf(user), 1);
    assert.equal(stack.realtime.stats.joins - joinsBefore, 1);
  });

  test('a double click starts one analysis', async () => {
    const user = randomUUID();
    function Twice() {
      const a = useAsyncAnalysis('meal_plan');
      const [clicks, setClicks] = useState(0);
      return (
        <button
          type="button"
          onClick={() => {
            setClicks(clicks + 1);
            void a.start({ ...MEAL_PLAN, kcal_target: 1550 });
            void a.start({ ...MEAL_PLAN, kcal_target: 1550 });
          }}
        >
          {a.status}
        </button>
      );
    }
    render(
      <AnalysisProvider tracker={await trackerFor(user)}>
        <Twice />
      </AnalysisProvider>,
    );
    await act(async () => fireEvent.click(screen.getByText(/./, { selector: 'button' })));
    await waitFor(() => assert.equal(screen.getByText(/./, { selector: 'button' }).textContent, 'completed'), WAIT);
    assert.equal(await jobsOf(user), 1);
  });
}
