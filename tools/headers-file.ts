// Reads a `_headers` file (the Netlify / Cloudflare Pages format) and works out the headers a host
// would send for one path, so the local test server can send them too.
//
//   # comment
//   /path/pattern          a rule: an unindented URL path; * matches anything, :name one path segment
//     Header-Name: value   an indented header line
//     ! Header-Name        detaches a header an earlier matching rule set (Cloudflare Pages syntax)
//
// As on Cloudflare Pages, every rule that matches applies, in file order; a header set by two rules
// has its values joined with ", ". Absolute rules (https://host/path) are matched on their path alone.

export type HeaderOp = { kind: 'set'; name: string; value: string } | { kind: 'detach'; name: string };

export interface HeaderRule {
  /** The path pattern, as written (an absolute URL's host dropped). */
  pattern: string;
  /** 1-based line of the pattern in the file, for error messages. */
  line: number;
  ops: HeaderOp[];
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Parses a `_headers` file; throws on a line it cannot read, naming the line. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const indented = /^\s/.test(raw);
    if (!indented) {
      if (trimmed.startsWith('/')) rules.push({ pattern: trimmed, line, ops: [] });
      else if (/^https?:\/\//.test(trimmed)) rules.push({ pattern: trimmed.replace(/^https?:\/\/[^/]*/, '') || '/', line, ops: [] });
      else throw new Error(`_headers line ${line}: a rule must start with "/" or "https://": ${trimmed}`);
      return;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers line ${line}: a header line comes before any path: ${trimmed}`);
    if (trimmed.startsWith('!')) {
      const name = trimmed.slice(1).trim();
      if (!HEADER_NAME.test(name)) throw new Error(`_headers line ${line}: not a header name to detach: ${trimmed}`);
      rule.ops.push({ kind: 'detach', name });
      return;
    }
    const colon = trimmed.indexOf(':');
    const name = colon > 0 ? trimmed.slice(0, colon).trim() : '';
    if (!HEADER_NAME.test(name)) throw new Error(`_headers line ${line}: expected "Header-Name: value": ${trimmed}`);
    rule.ops.push({ kind: 'set', name, value: trimmed.slice(colon + 1).trim() });
  });
  return rules;
}

/** Whether a rule pattern matches a URL path (both starting with '/'). */
export function patternMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':')) return '[^/]+';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/** The headers the rules give `path`, names lower-cased. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, path)) continue;
    for (const op of rule.ops) {
      const key = op.name.toLowerCase();
      if (op.kind === 'detach') delete headers[key];
      else headers[key] = key in headers ? `${headers[key]}, ${op.value}` : op.value;
    }
  }
  return headers;
}
