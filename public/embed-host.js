/*
 * What the Server Keeps: auto-height for embedded scenarios. MIT-licensed, no dependencies.
 *
 * Put this on the page that holds the iframes:
 *   <iframe src="https://…/embed/a-number-typed/" data-wtsk-embed title="…" style="width:100%;border:0"></iframe>
 *   <script src="https://…/embed-host.js" defer></script>
 *
 * Each embed posts { type: "wtsk:height", version: 1, height } to its parent. This script finds
 * the iframe that sent it (by its window, and only iframes marked data-wtsk-embed whose src has
 * the sender's origin) and sets that iframe's height. Heights are clamped to 150–20000 px.
 */
(function () {
  'use strict';
  if (window.__wtskEmbedHost) return;
  window.__wtskEmbedHost = true;

  function originOf(src) {
    try {
      return new URL(src, window.location.href).origin;
    } catch (e) {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'wtsk:height' || data.version !== 1) return;
    var height = Number(data.height);
    if (!isFinite(height)) return;
    var frames = document.querySelectorAll('iframe[data-wtsk-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (originOf(frame.src) !== event.origin) return;
      frame.style.height = Math.max(150, Math.min(20000, Math.ceil(height))) + 'px';
      return;
    }
  });
})();
