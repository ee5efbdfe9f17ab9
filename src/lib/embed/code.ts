/**
 * The HTML a teacher pastes to embed a scenario, built in one place for the embed builder and the
 * oEmbed responses, so both give the same code. The iframe is sandboxed (scripts and the
 * attribution link's new tab only: no same-origin access, so no cookies or storage) and marked
 * data-wtsk-embed for public/embed-host.js, which sizes it to its content.
 */
export const EMBED_HEIGHT = 900;
export const EMBED_SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `src` is an absolute URL of an embed page; `title` names the scenario for screen readers. */
export function iframeCode(src: string, title: string, height: number = EMBED_HEIGHT): string {
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy" sandbox="${EMBED_SANDBOX}" data-wtsk-embed></iframe>`;
}
