import { describe, expect, test } from 'vitest';
import { cssOutsideBase, htmlOutsideBase, htmlUrls, outsideBase } from '../../scripts/subpath-lib.ts';

describe('sub-path deploy: URLs outside the base', () => {
  test('root-relative URLs outside the base, and protocol-relative ones, are outside', () => {
    expect(outsideBase('/about/', '/wtsk/')).toBe(true);
    expect(outsideBase('//cdn.example/x.js', '/wtsk/')).toBe(true);
    expect(outsideBase('/wtsk/about/', '/wtsk/')).toBe(false);
    expect(outsideBase('about/', '/wtsk/')).toBe(false);
    expect(outsideBase('#main', '/wtsk/')).toBe(false);
    expect(outsideBase('https://what-the-server-keeps.example/', '/wtsk/')).toBe(false);
  });

  test('finds them in links, scripts, islands, srcset and inline CSS', () => {
    const html = [
      '<a href="/about/">About</a><a href="/wtsk/sources/#x">ok</a><a href=#main>skip</a>',
      "<link rel=stylesheet href='/_astro/a.css'><script type=module src=/_astro/b.js></script>",
      '<astro-island component-url="/_astro/C.js" renderer-url="/wtsk/_astro/r.js"></astro-island>',
      '<img srcset="/wtsk/a.png 1x, /b.png 2x" alt="">',
      '<style>.x{background:url(/bg.svg)}</style><div style="background:url(&quot;/wtsk/ok.svg&quot;)"></div>',
    ].join('');
    expect(htmlOutsideBase(html, '/wtsk/')).toEqual(['/about/', '/_astro/a.css', '/_astro/b.js', '/_astro/C.js', '/b.png', '/bg.svg']);
    expect(htmlUrls(html)).toContain('/wtsk/ok.svg');
    expect(
      htmlOutsideBase(
        html.replaceAll('"/', '"/wtsk/').replaceAll("'/", "'/wtsk/").replaceAll('=/', '=/wtsk/').replaceAll('(/', '(/wtsk/').replaceAll(', /', ', /wtsk/'),
        '/wtsk/',
      ),
    ).toEqual([]);
  });

  test('finds them in stylesheets', () => {
    expect(cssOutsideBase('a{background:url("/x.png")}b{background:url(/wtsk/y.png)}c{mask:url(z.svg)}', '/wtsk/')).toEqual(['/x.png']);
  });
});
