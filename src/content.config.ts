/**
 * Content collections: each one a loader over the top-level content/ folder and its schema from
 * src/lib/content-schemas.ts, where unit tests, build scripts and the CLI import them too. The YAML
 * collections are read by yamlFolder and yamlList (src/lib/yaml-loader.ts), with the reader the CLI uses.
 * EXPLAINERS_DIR points the explainers at another folder: the build-error tests use fixtures.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { correctionEntrySchema, explainerSchema, scenarioSchema, sourceSchema } from './lib/content-schemas.ts';
import { yamlFolder, yamlList } from './lib/yaml-loader.ts';

const sources = defineCollection({
  loader: yamlFolder('content/sources'),
  schema: sourceSchema,
});

const scenarios = defineCollection({
  loader: yamlFolder('content/scenarios'),
  schema: scenarioSchema,
});

const explainers = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env.EXPLAINERS_DIR ?? './content/explainers' }),
  schema: explainerSchema,
});

/** The site's corrections log, shown on /sources/: one file, one entry per fix. */
const corrections = defineCollection({
  loader: yamlList('content/corrections.yaml'),
  schema: correctionEntrySchema,
});

export const collections = { sources, scenarios, explainers, corrections };
