/**
 * The embed side of the auto-height protocol. An embed page in an iframe tells its parent how
 * tall its content is, so the host page can size the iframe and no inner scrollbar appears.
 *
 * Message (embed → parent), sent on load and whenever the content's height changes:
 *   { type: "wtsk:height", version: 1, height: <CSS pixels, integer> }
 * It carries nothing else, so it is posted to any origin ("*"). public/embed-host.js is the
 * host side; any page may implement it instead.
 *
 * Request (parent → embed), for a host whose listener started after the embed had already spoken
 * (a deferred or late host script):
 *   { type: "wtsk:height-request", version: 1 }
 * The embed answers with a height message, whatever its height.
 */
export const HEIGHT_MESSAGE = 'wtsk:height';
export const HEIGHT_REQUEST = 'wtsk:height-request';
export const PROTOCOL_VERSION = 1;

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  version: typeof PROTOCOL_VERSION;
  height: number;
}

export function heightMessage(height: number): HeightMessage {
  return { type: HEIGHT_MESSAGE, version: PROTOCOL_VERSION, height: Math.ceil(height) };
}

/**
 * Starts reporting; returns a function that stops. Does nothing outside an iframe.
 * Heights are measured on <body>, not the document, so an embed can shrink as well as grow. No
 * requestAnimationFrame: Chromium does not run frames for a cross-origin iframe that is off screen,
 * and a host page would then never hear from an embed below the fold. The first message goes out
 * at once and on load; later ones when the body resizes (ResizeObserver) or the host asks.
 */
export function reportHeight(win: Window = window): () => void {
  if (win.parent === win) return () => undefined;
  const body = win.document.body;
  let last = -1;
  const send = (force = false) => {
    const height = Math.ceil(Math.max(body.scrollHeight, body.getBoundingClientRect().height));
    if (height === last && !force) return;
    last = height;
    win.parent.postMessage(heightMessage(height), '*');
  };
  const observer = new ResizeObserver(() => send());
  observer.observe(body);
  const onRequest = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (event.source !== win.parent || typeof data !== 'object' || data === null) return;
    if ((data as { type?: unknown }).type === HEIGHT_REQUEST) send(true);
  };
  const onLoad = () => send();
  win.addEventListener('message', onRequest);
  win.addEventListener('load', onLoad);
  send();
  return () => {
    observer.disconnect();
    win.removeEventListener('message', onRequest);
    win.removeEventListener('load', onLoad);
  };
}
