/*
 * What the Server Keeps: auto-height for embedded scenarios. MIT-licensed, no dependencies.
 *
 * Put this on the page that holds the iframes:
 *   <iframe src="https://…/embed/a-number-typed/" data-wtsk-embed title="…" style="width:100%;border:0"></iframe>
 *   <script src="https://…/embed-host.js" defer></script>
 *
 * Each embed posts { type: "wtsk:height", version: 1, height } to its parent. This script finds
 * the iframe that sent it (by its window, and only iframes marked data-wtsk-embed whose src has
 * the sender's origin) and sets that iframe's height: a whole number of pixels (anything else is ignored), clamped to 150–20000.
 * A sandboxed iframe without allow-same-origin (as the embed code makes it) has an opaque origin,
 * so its messages come from origin "null": those are taken from the iframe's own window only.
 * An embed may have spoken before this script ran, so the script asks each marked iframe for its
 * height ({ type: "wtsk:height-request", version: 1 }) now and whenever one finishes loading.
 */
(function () {
  'use strict';
  if (window.__wtskEmbedHost) return;
  window.__wtskEmbedHost = true;

  function originOf(src) {
    try {
      return new URL(src, window.location.href).origin;
    } catch {
      return null;
    }
  }

  function ask(frame) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'wtsk:height-request', version: 1 }, '*');
  }
  function watch(frame) {
    if (frame.__wtskWatched) return;
    frame.__wtskWatched = true;
    frame.addEventListener('load', function () {
      ask(frame);
    });
    ask(frame);
  }
  function watchAll() {
    var frames = document.querySelectorAll('iframe[data-wtsk-embed]');
    for (var i = 0; i < frames.length; i++) watch(frames[i]);
  }
  watchAll();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchAll);

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'wtsk:height' || data.version !== 1) return;
    // The protocol sends a whole number of CSS pixels: anything else (a string, [777], 400n, a Date,
    // 1.5) is ignored rather than converted, so a page cannot pass a value no embed sends.
    var height = data.height;
    if (typeof height !== 'number' || !Number.isInteger(height)) return;
    var frames = document.querySelectorAll('iframe[data-wtsk-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var opaque = frame.hasAttribute('sandbox') && !/(^|\s)allow-same-origin(\s|$)/.test(frame.getAttribute('sandbox') || '');
      if (event.origin !== (opaque ? 'null' : originOf(frame.src))) return;
      frame.style.height = Math.max(150, Math.min(20000, height)) + 'px';
      return;
    }
  });
})();
