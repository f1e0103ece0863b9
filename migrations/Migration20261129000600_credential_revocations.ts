import { Migration } from '@mikro-orm/migrations';

/**
 * Revocations of credentials, in the same commit-ordered log as the request
 * events (same sequence, same advisory lock: events.md, design 1). A process
 * reading the log meets a revocation exactly between the events committed
 * before it and those committed after, so an open socket holding the revoked
 * credential is closed before any later event could reach it (api.md,
 * "Identity"; issue 11).
 */
export class Migration20261129000600_credential_revocations extends Migration {
  override up(): void {
    this.addSql(`
      CREATE TABLE credential_revocation (
        position bigint PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('API_KEY', 'USER')),
        subject_id uuid NOT NULL,
        revoked_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    this.addSql(`CREATE INDEX credential_revocation_subject_idx ON credential_revocation (subject_id, kind)`);
  }
}
