import { Migration } from '@mikro-orm/migrations';

/**
 * Users, associations, memberships and API keys (issue 3).
 * Text is compared in code-point order (COLLATE "C") on every database, and
 * names are unique per township case-insensitively (lower(); note that in a
 * cluster without locale lower() folds ASCII only, which suits Chinese names).
 */
export class Migration20261129000200_identity extends Migration {
  override up(): void {
    // Array parameters travel as JSON text: knex would expand a JS array into a list.
    this.addSql(`
      CREATE FUNCTION json_text_array(jsonb) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT coalesce(array_agg(value), '{}') FROM jsonb_array_elements_text($1) $$`);
    this.addSql(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        is_admin boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT app_user_email_key UNIQUE (email)
      )`);
    this.addSql(`
      CREATE TABLE association (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        township text,
        description text,
        categories text[] NOT NULL CHECK (cardinality(categories) >= 1),
        verified boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    this.addSql(`CREATE UNIQUE INDEX association_name_township_key ON association (lower(name), coalesce(township, ''))`);
    this.addSql(`CREATE INDEX association_list_idx ON association ((name COLLATE "C"), id)`);
    this.addSql(`
      CREATE TABLE membership (
        association_id uuid NOT NULL REFERENCES association (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('OWNER', 'COORDINATOR', 'MEMBER')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (association_id, user_id)
      )`);
    this.addSql(`CREATE INDEX membership_user_idx ON membership (user_id)`);
    this.addSql(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY,
        association_id uuid NOT NULL REFERENCES association (id) ON DELETE CASCADE,
        name text NOT NULL,
        secret_hash bytea NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz(3),
        CONSTRAINT api_key_secret_hash_key UNIQUE (secret_hash)
      )`);
    this.addSql(`CREATE INDEX api_key_association_idx ON api_key (association_id, created_at DESC)`);
  }
}
