/** Plain rows of the read side; property names match the entities'. */
export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  createdAt: Date;
}

export interface ApiKeyRow {
  id: string;
  associationId: string;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.is_admin AS "isAdmin", u.created_at AS "createdAt"`;
export const API_KEY_COLUMNS = `k.id, k.association_id AS "associationId", k.name, k.created_at AS "createdAt", k.revoked_at AS "revokedAt"`;
