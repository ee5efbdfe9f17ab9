/**
 * The one rule for ids and slugs (scenarios, people, devices, networks, sources, explainers): kebab-case,
 * because an id is also a file name (content/<collection>/<id>.yaml), a URL path (/explainers/<slug>/)
 * and a URL fragment (/sources/#<id>), and must read the same in all three.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The rule in words, for messages: what an id may contain. */
export const ID_RULE = 'lower-case letters, digits and single hyphens';

export function isId(text: string): boolean {
  return ID_PATTERN.test(text);
}
