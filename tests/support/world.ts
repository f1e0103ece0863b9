/** Bulk set-up for concurrency tests: many verified associations owned by one user, fast. */
import { createAssociation, signUp, verify, type Persona } from './personas.js';

export async function verifiedAssociations(
  url: string,
  adminToken: string,
  count: number,
  prefix: string,
): Promise<{ owner: Persona; ids: string[] }> {
  const owner = await signUp(url, `${prefix} owner`);
  const ids: string[] = [];
  // A few at a time: quick, without flooding the pool.
  for (let i = 0; i < count; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, count - i) }, (_, j) => createAssociation(url, owner.token, { name: `${prefix} ${i + j}` })),
    );
    ids.push(...batch);
  }
  for (let i = 0; i < ids.length; i += 20) {
    await Promise.all(ids.slice(i, i + 20).map((id) => verify(url, adminToken, id)));
  }
  return { owner, ids };
}
