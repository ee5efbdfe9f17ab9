/**
 * A content-collection loader for a folder of YAML files, one entry per file, id = file name. It
 * replaces glob() for the YAML collections so the build reads them with src/lib/yaml-file.ts, the
 * reader the CLI and the tests use (glob() parses YAML with its own parser and options).
 */
import { existsSync, readdirSync } from 'node:fs';
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

/**
 * A loader for one YAML file holding a list of entries, each with an `id` (the corrections log). It
 * replaces Astro's file() loader for the same reason yamlFolder replaces glob(): the build reads
 * the file with src/lib/yaml-file.ts, as the tests do. A file that is not a list, or an entry
 * without an id or with one used before, fails the build with the file and the entry's index.
 */
export function yamlList(path: string): Loader {
  return {
    name: 'wtsk-yaml-list',
    load: async ({ store, parseData, generateDigest, watcher, config }) => {
      const root = fileURLToPath(config.root);
      const full = resolve(root, path);
      const filePath = relative(root, full).split('\\').join('/');
      const loadAll = async () => {
        // No log yet is an empty log, as with Astro's file() loader (a scratch copy of the site may have none).
        if (!existsSync(full)) {
          store.clear();
          return;
        }
        const data = readContentFile(full, filePath);
        if (!Array.isArray(data)) throw new Error(`${filePath}: expected a list of entries (each starting "- id: …"), got ${typeof data}`);
        const entries = [];
        const seen = new Set<string>();
        for (const [i, item] of data.entries()) {
          const id = (item as { id?: unknown } | null)?.id;
          if (typeof id !== 'string' || id === '') throw new Error(`${filePath}: ${i}.id: expected an id (lower-case, dashes) for every entry`);
          if (seen.has(id)) throw new Error(`${filePath}: ${i}.id: expected an id not used before, but "${id}" is`);
          seen.add(id);
          const entry = item as Record<string, unknown>;
          entries.push({ id, data: await parseData({ id, data: entry, filePath }), filePath, digest: generateDigest(entry) });
        }
        store.clear();
        for (const entry of entries) store.set(entry);
      };
      await loadAll();
      if (watcher) {
        watcher.add(full);
        watcher.on('change', (changed: string) => {
          if (changed === full) void loadAll();
        });
      }
    },
  };
}
