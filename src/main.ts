/** Bootstrap only: config -> database -> schema -> HTTP + WebSocket -> listen. */
import { loadConfig } from './config.js';
import { createLogger } from './shared/logger.js';
import { runCli } from './shared/cli.js';
import { startApp, type App } from './app.js';

await runCli(async () => {
  const config = loadConfig();
  const log = createLogger(config.logLevel);

  // The one owner of signal handling (stack.md), installed before anything
  // starts so that a signal during start-up still shuts down cleanly. A
  // terminal's Ctrl-C may arrive twice (from the terminal and forwarded by npm):
  // shut down once, and bound the whole shutdown.
  // Read by signal handlers: state that changes behind the code's back.
  const state: { app?: App; signalled: boolean } = { signalled: false };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      setTimeout(() => {
        log.error('shutdown took too long: exiting');
        process.exit(1);
      }, config.shutdownTimeoutMs + 15_000).unref();
      try {
        await state.app?.stop();
        log.info('stopped');
        process.exit(0);
      } catch (error) {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      }
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.signalled) return;
    state.signalled = true;
    log.info({ signal }, 'shutting down');
    if (state.app) void stop(); // otherwise start-up finishes first, then stops
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const app = await startApp(config, log);
  state.app = app;
  if (state.signalled) {
    await stop();
    return;
  }
  const dashboard = app.url.replace(/\/graphql$/, '/dashboard');
  const ide = config.graphqlIde ? `; open it in a browser for the GraphQL IDE` : '';
  log.info(
    { url: app.url, dashboard, database: app.db.embedded ? 'embedded' : 'external', node: process.version },
    `GraphQL server ready at ${app.url}${ide}; dashboard at ${dashboard} (Node.js ${process.version})`,
  );
});
