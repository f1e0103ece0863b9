/**
 * The borders of the code (docs/architecture.md, "Module map"), checked by
 * `npm run depcruise` in .ci/run:
 *   server -> modules -> shared and db
 * Features import nothing from server/; db/ and shared/ import no feature;
 * modules import only modules below them; no cycles anywhere. Inside a module,
 * the parts that know nothing of GraphQL (entities, policies, loaders, services)
 * import no GraphQL library and no resolver, type or input of any module.
 */
// Lowest first: a module may import only the modules before it in this list.
const MODULE_ORDER = ['event-log', 'identity', 'associations', 'help-requests', 'volunteers', 'events', 'stats', 'node', 'demo'];

const moduleRules = MODULE_ORDER.map((name, index) => ({
  name: `module-order-${name}`,
  comment: `${name} may import only the modules below it: ${MODULE_ORDER.slice(0, index).join(', ') || 'none'}`,
  severity: 'error',
  from: { path: `^src/modules/${name}/` },
  to: { path: `^src/modules/(${MODULE_ORDER.slice(index + 1).join('|') || '$^'})/` },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'Cycles hide the direction of a dependency.', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'web-is-a-client',
      comment:
        'The browser pages (src/web) use only the public API, like any client: they import nothing from the server, and nothing imports them.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/', pathNot: '^src/web/' },
    },
    {
      name: 'nothing-imports-web',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/web/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'modules-not-to-server',
      comment: 'Features know nothing of the transport: they import no server/ file.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/(server/|app\\.ts|main\\.ts)' },
    },
    {
      name: 'db-and-shared-not-to-features',
      comment: 'db/ and shared/ are below every module and the server.',
      severity: 'error',
      from: { path: '^src/(db|shared)/' },
      to: { path: '^src/(modules|server)/|^src/(app|main)\\.ts' },
    },
    {
      name: 'config-is-a-leaf',
      severity: 'error',
      from: { path: '^src/config\\.ts$' },
      to: { path: '^src/(modules|server|db)/' },
    },
    {
      name: 'kernel-reads-only-declarations',
      comment: 'The files at the root of modules/ (tables, context, access, request-filter) see only the entity declarations of modules.',
      severity: 'error',
      from: { path: '^src/modules/[^/]+\\.ts$' },
      to: { path: '^src/modules/[^/]+/', pathNot: '\\.entity\\.ts$' },
    },
    {
      name: 'entities-are-declarations',
      comment: 'An entity declares a table: it imports no service, loader or resolver.',
      severity: 'error',
      from: { path: '\\.entity\\.ts$' },
      to: { path: '^src/(modules|server)/' },
    },
    ...moduleRules,
    {
      name: 'modules-are-ordered',
      comment: `Every folder under src/modules/ has its place in MODULE_ORDER (${MODULE_ORDER.join(' < ')}).`,
      severity: 'error',
      from: { path: `^src/modules/(?!(${MODULE_ORDER.join('|')})/)[^/]+/` },
      to: {},
    },
    {
      name: 'domain-knows-no-graphql',
      comment: 'Entities, policies, loaders and services are called by resolvers, jobs and CLIs alike: no GraphQL in them.',
      severity: 'error',
      from: { path: '\\.(entity|policy|loaders|service)\\.ts$' },
      to: {
        path: '(^|/)node_modules/(graphql|type-graphql|@apollo/[^/]+|graphql-ws|graphql-parse-resolve-info)/|\\.(resolver|type|inputs)\\.ts$|^src/shared/(selection|relay\\.type|node\\.resolver|date-time\\.scalar|local-time\\.scalars|enums\\.graphql)\\.ts$',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // npm packages are in the graph as leaves (not followed), so rules can name them.
    // The pages' build config is a tool's config, like codegen.ts at the top.
    exclude: { path: '^(tests|bench|migrations|examples)/|^src/web/vite\\.config\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Packages' "exports" (subpaths such as graphql-ws/client, imported by the pages).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
