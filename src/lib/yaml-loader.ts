/**
 * A content-collection loader for a folder of YAML files, one entry per file, id = file name. It
 * replaces glob() for the YAML collections so the build reads them with src/lib/yaml-file.ts, the
 * reader the CLI and the tests use (glob() parses YAML with its own parser and options).
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readContentFile } from './yaml-file.ts';

export function yamlFolder(base: string): Loader {
  return {
    name: 'wtsk-yaml-folder',
    load: async ({ store, parseData, generateDigest, watcher, config }) => {
      const root = fileURLToPath(config.root);
      const dir = resolve(root, base);
      const loadAll = async () => {
        const files = readdirSync(dir)
          .filter((f) => f.endsWith('.yaml'))
          .sort();
        const entries = [];
        for (const file of files) {
          const filePath = relative(root, join(dir, file)).split('\\').join('/');
          const data = readContentFile(join(dir, file), filePath) as Record<string, unknown>;
          const id = file.slice(0, -'.yaml'.length);
          entries.push({ id, data: await parseData({ id, data, filePath }), filePath, digest: generateDigest(data) });
        }
        // Every file first, then the store: a broken file leaves nothing half-loaded.
        store.clear();
        for (const entry of entries) store.set(entry);
      };
      await loadAll();
      if (watcher) {
        watcher.add(dir);
        const changed = (path: string) => {
          if (path.startsWith(dir) && path.endsWith('.yaml')) void loadAll();
        };
        watcher.on('change', changed);
        watcher.on('add', changed);
        watcher.on('unlink', changed);
      }
    },
  };
}
