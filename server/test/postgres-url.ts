export const TEMPLATE_DB = 'aman_test_template';

/** The same server, another database. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function adminUrl(url: string): string {
  return databaseUrl(url, 'postgres');
}
