/**
 * The embed side of the auto-height protocol. An embed page in an iframe tells its parent how
 * tall its content is, so the host page can size the iframe and no inner scrollbar appears.
 *
 * Message (embed → parent), sent on load and whenever the content's height changes:
 *   { type: "wtsk:height", version: 1, height: <CSS pixels, integer> }
 * It carries nothing else, so it is posted to any origin ("*"). public/embed-host.js is the
 * host side; any page may implement it instead.
 */
export const HEIGHT_MESSAGE = 'wtsk:height';
export const PROTOCOL_VERSION = 1;

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  version: typeof PROTOCOL_VERSION;
  height: number;
}

export function heightMessage(height: number): HeightMessage {
  return { type: HEIGHT_MESSAGE, version: PROTOCOL_VERSION, height: Math.ceil(height) };
}

/** Starts reporting; returns a function that stops. Does nothing outside an iframe. */
export function reportHeight(win: Window = window): () => void {
  if (win.parent === win) return () => undefined;
  let last = -1;
  let frame: number | undefined;
  const send = () => {
    frame = undefined;
    const height = win.document.documentElement.scrollHeight;
    if (height === last) return;
    last = height;
    win.parent.postMessage(heightMessage(height), '*');
  };
  const schedule = () => {
    frame ??= win.requestAnimationFrame(send);
  };
  const observer = new ResizeObserver(schedule);
  observer.observe(win.document.body);
  schedule();
  return () => {
    observer.disconnect();
    if (frame !== undefined) win.cancelAnimationFrame(frame);
  };
}
