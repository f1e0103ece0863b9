/**
 * The GraphQL IDE served at GET /graphql (src/server/pages.ts): GraphiQL 5,
 * bundled with Monaco and its workers by Vite, talking to this origin only.
 * Queries and mutations go over HTTP, subscriptions over graphql-ws, both with
 * the header editor's headers (fetcher.ts). It opens with a welcome tab and
 * the example operations (tabs.ts) unless the browser kept tabs from before.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './ide.css';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createIdeFetcher } from './fetcher';
import { defaultTabs } from './tabs';

// Tabs, headers and history live as long as the browser tab: a token typed in
// the header editor (or a password in variables) is not left on the machine.
const fetcher = createIdeFetcher(new URL('/graphql', window.location.href));

const container = document.getElementById('ide');
if (!container) throw new Error('The page has no #ide element');
container.textContent = '';
createRoot(container).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultTabs={defaultTabs} defaultEditorToolsVisibility="headers" storage={sessionStorage} />
  </StrictMode>,
);
