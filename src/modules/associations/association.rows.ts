/** Plain rows of the read side; property names match the entities'. */
import type { AidCategory, MemberRole } from '../../shared/enums.js';

export interface AssociationRow {
  id: string;
  name: string;
  township: string | null;
  description: string | null;
  categories: AidCategory[];
  verified: boolean;
  createdAt: Date;
}

export interface MembershipRow {
  associationId: string;
  userId: string;
  role: MemberRole;
}

export const ASSOCIATION_COLUMNS = `a.id, a.name, a.township, a.description, a.categories, a.verified, a.created_at AS "createdAt"`;
