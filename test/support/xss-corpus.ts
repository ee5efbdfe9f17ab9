/**
 * Hostile text for every place a reader or a URL can put text: message text, names, addresses,
 * URL options and share links. Each payload, if it were ever parsed as HTML or script, would set
 * `window.__xss` or throw, which the tests that feed it look for.
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>window.__xss=1</script>',
  '"><script>window.__xss=1</script>',
  '\'><img src=x onerror="window.__xss=1">',
  '<img src=x onerror=window.__xss=1>',
  '<svg onload=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '<svg><a xlink:href="javascript:window.__xss=1"><text y="20">x</text></a></svg>',
  '<a href="javascript:window.__xss=1">click</a>',
  'javascript:window.__xss=1',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<details open ontoggle=window.__xss=1>',
  '<body onload=window.__xss=1>',
  '<math><mi xlink:href="javascript:window.__xss=1">x</mi></math>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1}',
  '</textarea><script>window.__xss=1</script>',
  '<style>*{display:none}</style>',
  '\u202Eevil\u202C gpj.exe',
  'مرحبا بالعالم — שלום',
  '👩🏽‍💻🔐📱💬 ✅',
  'a\u0000b\u0000<script>window.__xss=1</script>',
  '%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  'x'.repeat(20_000),
  '<'.repeat(2_000),
];

/** Marker text each test can look for to prove the payload arrived as text. */
export const XSS_MARKER = 'window.__xss=1';

/**
 * Hostile text that is nevertheless a valid email address by the simulator's rules, so it goes all
 * the way through: the key directory looks it up, the lookup record holds it, the contact graph
 * labels a node with it (SVG text), and the ledger exports it. Addresses are lower-cased on entry.
 */
export const XSS_VALID_ADDRESSES: readonly string[] = [
  "x'/onfocus=window.__xss=1//'@evil.example",
  '${window.__xss=1}@evil.example',
  '{{window.__xss=1}}@evil.example',
  '%3cimg%20src=x%20onerror=window.__xss=1%3e@evil.example',
  "=cmd|'/c+calc'!a0@evil.example",
];

/** Addresses that look valid but hold invisible characters: refused with their own reason (issue 16). */
export const XSS_INVISIBLE_ADDRESSES: readonly string[] = ['\u202eevil\u202c@evil.example', 'ben\u200b@example.org'];
