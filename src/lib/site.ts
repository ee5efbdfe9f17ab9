/** Site-wide names and navigation, kept in one place so every page says the same thing. */
export const SITE_TITLE = 'What the Server Keeps';
export const SITE_TAGLINE = 'What a messaging provider keeps about you, even when your messages are end-to-end encrypted, and for how long.';

export interface NavItem {
  /** Path relative to the site base, with a trailing slash. */
  path: string;
  label: string;
}

export const NAV: readonly NavItem[] = [
  { path: '', label: 'Home' },
  { path: 'simulator/', label: 'Simulator' },
  { path: 'explainers/', label: 'Explainers' },
  { path: 'scenarios/', label: 'Scenarios' },
  { path: 'teach/', label: 'Teach' },
  { path: 'sources/', label: 'Sources' },
  { path: 'about/', label: 'About' },
];

/** Joins the configured base (e.g. "/" or "/wtsk/") with a site-relative path. */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const left = base.endsWith('/') ? base : `${base}/`;
  return left + path.replace(/^\/+/, '');
}
