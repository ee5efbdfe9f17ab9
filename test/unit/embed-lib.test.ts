import { afterEach, describe, expect, test, vi } from 'vitest';
import { startTime } from '../../src/lib/embed/apply.ts';
import { EMBED_SANDBOX, iframeCode } from '../../src/lib/embed/code.ts';
import { HEIGHT_REQUEST, heightMessage, reportHeight } from '../../src/lib/embed/height.ts';
import { DAY, HOUR } from '../../src/model/index.ts';

describe('startTime', () => {
  const steps = [9 * HOUR, DAY + 9 * HOUR, 9 * DAY + 12 * HOUR];
  test.each([
    [{ day: 1, step: 1 }, 9 * HOUR], // step 1's moment: the clock agrees with the narration shown
    [{ day: 5, step: 1 }, 4 * DAY],
    [{ day: 1, step: 3 }, 9 * DAY + 12 * HOUR],
    [{ day: 5, step: 3 }, 4 * DAY], // day wins
    [{ day: 1, step: 9 }, 0], // a step the scenario lacks (parseOptions never passes one) starts at the start
    [{ day: 1, step: 1, autoplay: true }, 0], // playing at once: from the start, to the first pause
    [{ day: 1, step: 1, autoplay: true, reducedMotion: true }, 9 * HOUR], // reduced motion never plays
  ])('%o → %d', (options, t) => {
    expect(startTime(options, steps)).toBe(t);
  });
});

describe('iframeCode', () => {
  test('one sandboxed, marked iframe with the URL and title escaped as attributes', () => {
    const code = iframeCode('https://example.org/embed/x/?v=1&day=3', 'Tom & "Jerry" <3');
    expect(code).toBe(
      `<iframe src="https://example.org/embed/x/?v=1&amp;day=3" title="Tom &amp; &quot;Jerry&quot; &lt;3" width="100%" height="900" style="border:0;max-width:100%" loading="lazy" sandbox="${EMBED_SANDBOX}" data-wtsk-embed></iframe>`,
    );
    expect(EMBED_SANDBOX).not.toContain('allow-same-origin');
  });
});

describe('reportHeight', () => {
  afterEach(() => vi.unstubAllGlobals());

  function fakeWindow(height: number) {
    const listeners = new Map<string, ((event: unknown) => void)[]>();
    const posted: unknown[] = [];
    const parent = { postMessage: (message: unknown) => posted.push(message) };
    const body = { scrollHeight: height, getBoundingClientRect: () => ({ height: height - 0.5 }) };
    const win = {
      parent,
      document: { body },
      addEventListener: (type: string, fn: (event: unknown) => void) => listeners.set(type, [...(listeners.get(type) ?? []), fn]),
      removeEventListener: (type: string, fn: (event: unknown) => void) =>
        listeners.set(
          type,
          (listeners.get(type) ?? []).filter((f) => f !== fn),
        ),
    };
    const fire = (type: string, event: unknown = {}) => (listeners.get(type) ?? []).forEach((fn) => fn(event));
    return { win, body, parent, posted, fire, listeners };
  }

  test('posts at once, on resize only when the height changed, and again whenever the parent asks', () => {
    let resized = () => undefined as void;
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(fn: () => void) {
          resized = fn;
        }
        observe() {}
        disconnect() {}
      },
    );
    const { win, body, parent, posted, fire, listeners } = fakeWindow(640);
    const stop = reportHeight(win as unknown as Window);
    expect(posted).toEqual([heightMessage(640)]);
    resized();
    expect(posted).toHaveLength(1);
    body.scrollHeight = 700;
    resized();
    expect(posted.at(-1)).toEqual({ type: 'wtsk:height', version: 1, height: 700 });
    fire('message', { source: {}, data: { type: HEIGHT_REQUEST, version: 1 } }); // not the parent: ignored
    fire('message', { source: parent, data: '<img src=x onerror=alert(1)>' });
    expect(posted).toHaveLength(2);
    fire('message', { source: parent, data: { type: HEIGHT_REQUEST, version: 1 } });
    expect(posted).toHaveLength(3);
    stop();
    expect(listeners.get('message')).toEqual([]);
  });

  test('does nothing outside an iframe', () => {
    const { win, posted } = fakeWindow(100);
    (win as { parent: unknown }).parent = win;
    reportHeight(win as unknown as Window)();
    expect(posted).toEqual([]);
  });
});
