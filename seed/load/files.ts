/**
 * Reads the seed files as plain data, remembering which file each record came from so
 * every validation error can name the file and the key.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { EntityKind } from '../vocabulary.js';

/** entities/<file>.yaml → the kind of every entity in it. */
export const KIND_BY_FILE: Record<string, EntityKind> = {
  'companies.yaml': 'Company',
  'countries.yaml': 'Country',
  'regions.yaml': 'Region',
  'projects.yaml': 'Project',
  'technologies.yaml': 'Technology',
  'policies.yaml': 'Policy',
  'commodities.yaml': 'Commodity',
  'products.yaml': 'Product',
  'sectors.yaml': 'Sector',
  'organizations.yaml': 'Organization',
};

/** Facts retracted through the API, with why and by whom (`npm run export` writes it). */
export const RETRACTED_FILE = 'retracted.yaml';

export interface RawFile {
  /** The path relative to the repository, as errors show it. */
  path: string;
  data: unknown;
}

export interface RawSeed {
  sources: RawFile;
  entityFiles: (RawFile & { kind: EntityKind })[];
  factFiles: RawFile[];
  /** seed/retracted.yaml, when there is one: facts retracted through the API, kept as history. */
  retracted?: RawFile;
}

export class SeedFileError extends Error {
  override name = 'SeedFileError';
}

function readYaml(file: string, root: string): RawFile {
  const path = relative(root, file);
  const doc = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new SeedFileError(`${path}: invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  }
  return { path, data: doc.toJS() };
}

const yamlFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .map((name) => join(dir, name))
    : [];

/** Reads seed/ (or another folder with the same layout). `root` is what paths are shown relative to. */
export function readSeedFiles(seedDir: string, root: string): RawSeed {
  const sourcesFile = join(seedDir, 'sources.yaml');
  if (!existsSync(sourcesFile)) throw new SeedFileError(`${relative(root, sourcesFile)}: file not found`);
  const entityFiles = yamlFiles(join(seedDir, 'entities')).map((file) => {
    const kind = KIND_BY_FILE[basename(file)];
    if (!kind) {
      throw new SeedFileError(
        `${relative(root, file)}: not an entity file name (expected one of ${Object.keys(KIND_BY_FILE).join(', ')})`,
      );
    }
    return { ...readYaml(file, root), kind };
  });
  const retractedFile = join(seedDir, RETRACTED_FILE);
  return {
    sources: readYaml(sourcesFile, root),
    entityFiles,
    factFiles: yamlFiles(join(seedDir, 'facts')).map((file) => readYaml(file, root)),
    ...(existsSync(retractedFile) && { retracted: readYaml(retractedFile, root) }),
  };
}
