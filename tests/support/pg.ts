import pg from 'pg';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The rows of one statement, on a short-lived connection. */
export function query<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  return admin(url, async (client) => (await client.query(text, params)).rows as T[]);
}

/** Runs `work` on a short-lived connection. */
export async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
