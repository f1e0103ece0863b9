/**
 * Every migration, listed statically: migrations live outside src/ and are
 * compiled beside it, and a static list also works under vitest (stack.md).
 * Append new ones at the end.
 */
import { Migration20261129000100_foundation } from '../../migrations/Migration20261129000100_foundation.js';
import { Migration20261129000200_identity } from '../../migrations/Migration20261129000200_identity.js';
import { Migration20261129000300_help_requests } from '../../migrations/Migration20261129000300_help_requests.js';
import { Migration20261129000400_search_keys } from '../../migrations/Migration20261129000400_search_keys.js';
import { Migration20261129000500_stats_indexes } from '../../migrations/Migration20261129000500_stats_indexes.js';
import { Migration20261129000600_credential_revocations } from '../../migrations/Migration20261129000600_credential_revocations.js';
import { Migration20261129000700_rate_limits } from '../../migrations/Migration20261129000700_rate_limits.js';
import { Migration20261129000800_volunteers } from '../../migrations/Migration20261129000800_volunteers.js';
import { Migration20261129000900_attendance } from '../../migrations/Migration20261129000900_attendance.js';
import { Migration20261129001000_handoffs } from '../../migrations/Migration20261129001000_handoffs.js';
import { Migration20261129001100_completion_ends_future_shifts } from '../../migrations/Migration20261129001100_completion_ends_future_shifts.js';
import { Migration20261129001200_volunteer_invitations } from '../../migrations/Migration20261129001200_volunteer_invitations.js';

export const migrationsList = [
  { name: 'Migration20261129000100_foundation', class: Migration20261129000100_foundation },
  { name: 'Migration20261129000200_identity', class: Migration20261129000200_identity },
  { name: 'Migration20261129000300_help_requests', class: Migration20261129000300_help_requests },
  { name: 'Migration20261129000400_search_keys', class: Migration20261129000400_search_keys },
  { name: 'Migration20261129000500_stats_indexes', class: Migration20261129000500_stats_indexes },
  { name: 'Migration20261129000600_credential_revocations', class: Migration20261129000600_credential_revocations },
  { name: 'Migration20261129000700_rate_limits', class: Migration20261129000700_rate_limits },
  { name: 'Migration20261129000800_volunteers', class: Migration20261129000800_volunteers },
  { name: 'Migration20261129000900_attendance', class: Migration20261129000900_attendance },
  { name: 'Migration20261129001000_handoffs', class: Migration20261129001000_handoffs },
  {
    name: 'Migration20261129001100_completion_ends_future_shifts',
    class: Migration20261129001100_completion_ends_future_shifts,
  },
  { name: 'Migration20261129001200_volunteer_invitations', class: Migration20261129001200_volunteer_invitations },
];
