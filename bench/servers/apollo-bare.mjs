#!/usr/bin/env node
/**
 * The `{ __typename }` peer: bare Apollo Server 5 with its defaults, on the
 * same HTTP stack as ours (Express 5, express.json(), the express5
 * integration), with a one-field schema. What ours adds on top of it
 * (plugins, context, authentication, limits, cost, metrics) is the
 * difference the ratio shows.
 *
 *   node bench/servers/apollo-bare.mjs <port>
 */
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';

const [port] = process.argv.slice(2);

const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } });
await apollo.start();
const app = express();
app.use('/graphql', express.json(), expressMiddleware(apollo));
const server = app.listen(Number(port), '127.0.0.1');
server.keepAliveTimeout = 65_000;
process.on('SIGTERM', () => {
  server.close();
  void apollo.stop().finally(() => process.exit(0));
});
