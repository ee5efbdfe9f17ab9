/**
 * oEmbed (https://oembed.com/), one static JSON per scenario: a "rich" response whose html is the
 * same iframe code the embed builder gives. Scenario pages point to it with a discovery <link>.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { EMBED_HEIGHT, iframeCode } from '../../lib/embed/code';
import { SITE_TITLE, withBase } from '../../lib/site';

export const getStaticPaths = (async () => {
  return (await getCollection('scenarios')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { entry } = props as { entry: Awaited<ReturnType<typeof getCollection<'scenarios'>>>[number] };
  const s = entry.data;
  if (!site) throw new Error('astro.config.mjs needs `site`: oEmbed responses carry absolute URLs');
  const src = new URL(`${withBase(`embed/${s.id}/`)}?v=${s.version}`, site).href;
  const body = {
    version: '1.0',
    type: 'rich',
    title: s.title,
    provider_name: SITE_TITLE,
    provider_url: new URL(withBase(''), site).href,
    html: iframeCode(src, s.title),
    width: 800,
    height: EMBED_HEIGHT,
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
