/**
 * Peer: PostGraphile 4 serving the bench database's tables (in its own
 * tree, v4/, with graphql 15). Anonymous; no GraphiQL, no watch mode, no query log.
 *
 *   node bench/peers/v4/postgraphile4.mjs <port> <database url>
 */
import { createServer } from 'node:http';
import postgraphile4 from 'postgraphile';

const [port, connectionString] = process.argv.slice(2);

const middleware = postgraphile4.postgraphile(connectionString, 'public', {
  graphiql: false,
  watchPg: false,
  disableQueryLog: true,
  dynamicJson: false,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  retryOnInitFail: false,
});
const server = createServer(middleware);
server.keepAliveTimeout = 65_000;
server.listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  process.exit(0);
});
