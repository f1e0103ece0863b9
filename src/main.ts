/** Bootstrap only: config -> database -> schema -> HTTP + WebSocket -> listen. */
import { loadConfig } from './config.js';
import { createLogger } from './shared/logger.js';
import { runCli } from './shared/cli.js';
import { startApp } from './app.js';

await runCli(async () => {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const app = await startApp(config, log);
  log.info({ url: app.url, database: app.db.embedded ? 'embedded' : 'external' }, `GraphQL server ready at ${app.url}`);

  // The one owner of signal handling (stack.md). A terminal's Ctrl-C may reach
  // us twice (from the terminal and forwarded by npm): shut down once, and
  // bound the whole shutdown so a stuck step cannot keep the process alive.
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error('shutdown took too long: exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 15_000).unref();
    app.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
});
