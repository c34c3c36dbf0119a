import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';

/**
 * Reads a CSV file (gzip-compressed when its name ends in .gz) row by row as objects keyed by
 * the header. Quoted fields with commas and doubled quotes are handled; quoted line breaks are
 * not, since none of the incident exports we read has them.
 */
export async function* readCsv(file: string): AsyncGenerator<Record<string, string>> {
  const raw = fs.createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(zlib.createGunzip()) : raw;
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let header: string[] | null = null;
  for await (const line of lines) {
    if (line === '') continue;
    const fields = splitCsvLine(line);
    if (!header) {
      header = fields.map((name) => name.trim());
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((name, i) => (row[name] = fields[i] ?? ''));
    yield row;
  }
}

export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}
