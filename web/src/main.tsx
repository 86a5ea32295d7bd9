// The demo app: one screen per flow of the migration plan, built only on ai-worker/react.
// The session comes from /demo/session (npm run demo:web signs a token for a demo user); a real app
// has supabase.auth instead and passes nothing but its supabase client to the tracker.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '@supabase/supabase-js';
import { AnalysisProvider, AnalysisToaster, createAnalysisTracker } from 'ai-worker/react';
import { ChatScreen, ExamScreen, MealPlanScreen, PhotoScreen } from './screens.tsx';

const SCREENS = [
  { id: 'foto', label: 'Foto da refeição', View: PhotoScreen },
  { id: 'exame', label: 'Exame de laboratório', View: ExamScreen },
  { id: 'chat', label: 'Chat de saúde', View: ChatScreen },
  { id: 'cardapio', label: 'Cardápio', View: MealPlanScreen },
] as const;

function App() {
  const [current, setCurrent] = useState<(typeof SCREENS)[number]['id']>(() => (location.hash.slice(1) as never) || 'foto');
  const screen = SCREENS.find((s) => s.id === current) ?? SCREENS[0];
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 760, margin: '0 auto', padding: 24, color: '#18181b' }}>
      <header>
        <h1 style={{ fontSize: 24, margin: '0 0 4px' }}>Análises com IA</h1>
        <p style={{ margin: '0 0 16px', color: '#52525b' }}>Demonstração de ai-worker: cada análise entra na fila e o resultado chega pelo Realtime.</p>
      </header>
      <nav aria-label="Análises" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 20 }}>
        {SCREENS.map((s) => (
          <a
            key={s.id}
            href={`#${s.id}`}
            aria-current={s.id === current ? 'page' : undefined}
            onClick={() => setCurrent(s.id)}
            style={{
              padding: '8px 14px',
              borderRadius: 999,
              border: '1px solid #d4d4d8',
              textDecoration: 'none',
              color: s.id === current ? '#fff' : '#18181b',
              background: s.id === current ? '#16a34a' : '#fff',
            }}
          >
            {s.label}
          </a>
        ))}
      </nav>
      <main>
        <h2 style={{ fontSize: 20 }}>{screen.label}</h2>
        <screen.View key={screen.id} />
      </main>
    </div>
  );
}

async function boot(): Promise<void> {
  const session = (await (await fetch('/demo/session')).json()) as { access_token: string; user_id: string; anon_key: string };
  const supabase = createClient(location.origin, session.anon_key, { accessToken: async () => session.access_token });
  const tracker = createAnalysisTracker({ supabase: supabase as never, userId: () => session.user_id });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AnalysisProvider tracker={tracker}>
        <AnalysisToaster />
        <App />
      </AnalysisProvider>
    </StrictMode>,
  );
}

void boot();
