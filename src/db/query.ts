/**
 * Kysely on MikroORM's own connection (MikroORM 7 runs on Kysely): a query
 * built with `em.getKysely()` runs inside the EntityManager's transaction when
 * it has one, and is counted like any other statement (statement-count.ts).
 *
 * Column names: tables are declared once, as entities with camelCase property
 * names; PostgreSQL has snake_case columns. `propertyNames` (Kysely's
 * CamelCasePlugin) translates both ways, identifiers in and result keys out, so
 * queries and rows use the names the entities declare (modules/tables.ts).
 */
import { CamelCasePlugin } from 'kysely';
import type { EntityManager } from '@mikro-orm/postgresql';

export type Em = EntityManager;

// Stateless apart from its name cache: one for the process. Objects inside a
// column (rows built as JSON by PostgreSQL, jsonObject in raw.ts) keep their
// keys: they are written with the property names already, and walking them
// again would cost what building them in the database saved.
export const propertyNames = new CamelCasePlugin({ maintainNestedObjectKeys: true });
