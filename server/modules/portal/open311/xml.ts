import { XMLBuilder } from 'fast-xml-parser';

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false });

// Characters XML 1.0 cannot carry at all, even escaped; a client's text may hold them.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

type Tree = { [name: string]: Tree | Tree[] | string | number | boolean | null };

function clean(value: Tree): Tree {
  const out: Tree = {};
  for (const [name, child] of Object.entries(value)) {
    if (child === undefined) continue;
    if (typeof child === 'string') out[name] = child.replace(NOT_XML, '');
    else if (Array.isArray(child)) out[name] = child.map(clean);
    else if (child !== null && typeof child === 'object') out[name] = clean(child);
    else out[name] = child;
  }
  return out;
}

/**
 * A GeoReport v2 XML document: `root` holding one `item` element per entry, as the spec's
 * examples nest them (`<services><service>…`, `<service_requests><request>…`, `<errors><error>…`).
 * A null field is an empty element, as the spec shows `<account_id/>`.
 */
export function xmlList(root: string, item: string, entries: readonly object[]): string {
  return document({ [root]: { [item]: entries.map((e) => clean(e as Tree)) } });
}

/** A document with one root element, for the service definition. */
export function xmlObject(root: string, value: object): string {
  return document({ [root]: clean(value as Tree) });
}

function document(tree: Tree): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(tree) as string}`;
}
