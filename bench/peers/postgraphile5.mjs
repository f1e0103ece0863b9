/**
 * Peer: PostGraphile 5 (amber preset) serving the bench database's tables,
 * on the project's own Node. Anonymous; no GraphiQL, no watch mode.
 *
 *   node bench/peers/postgraphile5.mjs <port> <database url>
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';

const [port, connectionString] = process.argv.slice(2);

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false, dangerouslyAllowAllCORSRequests: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.keepAliveTimeout = 65_000;
serv.addTo(server).catch((error) => {
  console.error(error);
  process.exit(1);
});
server.listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pgl.release().finally(() => process.exit(0));
});
