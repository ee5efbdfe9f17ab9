/**
 * The embed builder's script. The form's values go through parseOptions, the same validator an
 * embed page uses, and back out through formatOptions, so the code and link shown are exactly what
 * an embed will read. The preview iframe exists only while the builder is open.
 */
import { iframeCode } from '../../lib/embed/code.ts';
import { formatOptions, parseOptions } from '../../lib/embed/options.ts';

export function startBuilder(box: HTMLDetailsElement): void {
  const form = box.querySelector('form');
  const code = box.querySelector<HTMLTextAreaElement>('[data-out="code"]');
  const link = box.querySelector<HTMLInputElement>('[data-out="link"]');
  const error = box.querySelector<HTMLElement>('[data-builder-error]');
  const status = box.querySelector<HTMLElement>('[data-copy-status]');
  const preview = box.querySelector<HTMLElement>('[data-preview]');
  if (!form || !code || !link || !error || !status || !preview) return;
  const data = box.dataset;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement & HTMLSelectElement;
  let query = '';

  const update = () => {
    const params = new URLSearchParams({ v: data['version'] ?? '1' });
    const put = (name: string, value: string) => value !== '' && params.set(name, value);
    put('day', field('day').value.trim());
    put('step', field('step').value);
    put('speed', field('speed').value);
    put('policy', field('policy').value);
    put('seed', field('seed').value.trim());
    put('theme', field('theme').value);
    if (field('autoplay').checked) params.set('autoplay', '1');
    if (field('motion').checked) params.set('motion', 'reduce');
    const panels = [...form.querySelectorAll<HTMLInputElement>('input[name="panels"]:checked')].map((p) => p.value);
    params.set('panels', panels.join(','));
    const { options, notes } = parseOptions(params, {
      duration: Number(field('day').max),
      steps: field('step').options.length,
      policyIds: [...field('policy').options].map((o) => o.value).filter(Boolean),
    });
    if (panels.length === 0) notes.push('Choose at least one panel.');
    error.textContent = notes.join(' ');
    query = formatOptions(options);
    code.value = iframeCode((data['embedUrl'] ?? '') + query, data['title'] ?? '');
    link.value = (data['pageUrl'] ?? '') + query;
    const frame = preview.querySelector('iframe');
    if (frame) frame.src = (data['embedPath'] ?? '') + query;
  };

  box.addEventListener('toggle', () => {
    preview.querySelector('iframe')?.remove();
    if (!box.open) return;
    update();
    const frame = document.createElement('iframe');
    frame.title = `Preview: ${data['title'] ?? ''}`;
    frame.src = (data['embedPath'] ?? '') + query;
    preview.appendChild(frame);
  });
  form.addEventListener('input', update);
  form.addEventListener('submit', (event) => event.preventDefault());

  for (const button of box.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    button.addEventListener('click', async () => {
      const target = button.dataset['copy'] === 'code' ? code : link;
      target.select();
      try {
        await navigator.clipboard.writeText(target.value);
        status.textContent = button.dataset['copy'] === 'code' ? 'Code copied.' : 'Link copied.';
      } catch {
        status.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
      }
    });
  }
  // Nothing more at load, where the builder is folded: the page was built showing the default view's
  // code and link, and they are made again when it opens (with any field the browser restored).
  if (box.open) update();
}
