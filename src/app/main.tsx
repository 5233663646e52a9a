import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startRules, startSession } from './bootstrap.ts';
import './app.css';

const session = await startSession();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App session={session} />
  </StrictMode>,
);
// The rules load after the first paint; the findings appear when they are in (store/rules.ts).
void startRules(session.store);
