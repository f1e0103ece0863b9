/**
 * The one declaration of every table is its MikroORM entity, in the module that
 * owns it. This file lists them (the ORM needs the list; the server passes it to
 * openOrm) and infers from them the typed query builder every module uses:
 * `query(em)` is Kysely bound to `em`'s transaction, with the entities' property
 * names (`requesterId`, not `requester_id`). A renamed column fails tsc.
 *
 * Kysely cannot say everything: `db/raw.ts` holds the statements it cannot
 * (advisory locks, pg_notify), each in one named function.
 */
import type { InferClassEntityDB } from '@mikro-orm/sql';
import type { Kysely, Selectable } from 'kysely';
import { propertyNames, type Em } from '../db/query.js';
import { AppSetting } from '../db/app-setting.entity.js';
import { RequestEvent, CredentialRevocation } from './event-log/event-log.entity.js';
import { User } from './identity/user.entity.js';
import { Association } from './associations/association.entity.js';
import { Membership } from './associations/membership.entity.js';
import { ApiKey } from './associations/api-key.entity.js';
import { HelpRequest, Slot, Claim, IdempotencyKey } from './help-requests/help-request.entity.js';
import { Volunteer } from './volunteers/volunteer.entity.js';
import { Assignment } from './volunteers/assignment.entity.js';
import { ClaimHandOff } from './help-requests/claim-handoff.entity.js';

export const entities = [
  AppSetting,
  RequestEvent,
  CredentialRevocation,
  User,
  Association,
  Membership,
  ApiKey,
  HelpRequest,
  Slot,
  Claim,
  IdempotencyKey,
  Volunteer,
  Assignment,
  ClaimHandOff,
] as const;

/** Every table, by name, with its columns under their property names. */
export type Tables = InferClassEntityDB<(typeof entities)[number], { columnNamingStrategy: 'property' }>;

/** A row of `table` as a full-row SELECT returns it. */
export type RowOf<T extends keyof Tables> = Selectable<Tables[T]>;

/** The typed query builder, inside `em`'s transaction when it has one. */
export const query = (em: Em): Kysely<Tables> => em.getKysely<Tables>().withPlugin(propertyNames);
