import { DEFAULT_INDEX_ID, SHIPPED_DEFINITIONS } from '../../shared/kpi/definitions';
import { valueLookup, type ValueLookup } from '../../shared/kpi/reported-values';
import type { Indicator } from '../../shared/domain/indicator';
import { IndexDefinitionSchema, type IndexDefinition } from '../../shared/schemas/index-definition';
import { UserError } from '../errors';
import type { AnalyticsDeps } from './deps';
import { msg } from '../../shared/messages/catalogue';

export interface DefinitionVersion {
  definition: IndexDefinition;
  shipped: boolean;
  createdAt: string | null;
  createdBy: string | null;
}

/** Every version of every definition: the shipped ones, then what admins saved (validated again on the way out). */
export function definitionVersions(deps: AnalyticsDeps): Promise<DefinitionVersion[]> {
  return deps.cache.remember(deps.store, 'definitions', async () => {
    const stored = await deps.store.listDefinitions();
    const saved = stored.flatMap((s): DefinitionVersion[] => {
      const parsed = IndexDefinitionSchema.safeParse(JSON.parse(s.json));
      return parsed.success ? [{ definition: parsed.data, shipped: false, createdAt: s.createdAt, createdBy: s.createdBy }] : [];
    });
    return [...SHIPPED_DEFINITIONS.map((definition) => ({ definition, shipped: true, createdAt: null, createdBy: null })), ...saved];
  });
}

/** The definitions in force: the latest version of each id, the default first. */
export async function currentDefinitions(deps: AnalyticsDeps): Promise<IndexDefinition[]> {
  const latest = new Map<string, IndexDefinition>();
  for (const { definition } of await definitionVersions(deps)) {
    const seen = latest.get(definition.id);
    if (!seen || definition.version > seen.version) latest.set(definition.id, definition);
  }
  const defaultId = deps.defaultIndex ?? DEFAULT_INDEX_ID;
  return [...latest.values()].sort((a, b) => Number(b.id === defaultId) - Number(a.id === defaultId) || a.id.localeCompare(b.id));
}

export async function definitionOrThrow(deps: AnalyticsDeps, id: string | undefined): Promise<IndexDefinition> {
  const wanted = id ?? deps.defaultIndex ?? DEFAULT_INDEX_ID;
  const found = (await currentDefinitions(deps)).find((d) => d.id === wanted);
  if (!found) throw new UserError('BAD_REQUEST', msg('index.unknown', { id: wanted }));
  return found;
}

export function cachedIndicators(deps: AnalyticsDeps): Promise<Indicator[]> {
  return deps.cache.remember(deps.store, 'indicators', () => deps.store.listIndicators());
}

/**
 * Reported values as a lookup, built again only when the values or the catalogue's frequencies change: a data
 * version moved by an import of dossiers keeps it (the demo's 46k values took 1–2 s to read and index).
 */
export function cachedValueLookup(deps: AnalyticsDeps): Promise<ValueLookup> {
  return deps.cache.remember(deps.store, 'valueLookup', async () => {
    const [digest, catalogue] = await Promise.all([deps.store.indicatorValuesDigest(), cachedIndicators(deps)]);
    const key = `${digest}|${catalogue.map((i) => `${i.code}:${i.frequency}`).join(',')}`;
    return deps.cache.carried(key, async () => {
      const value = valueLookup(await deps.store.listIndicatorValues(), catalogue);
      // Values written between the digest and the read: the lookup is not kept under a digest it may not match.
      return { value, keep: (await deps.store.indicatorValuesDigest()) === digest };
    });
  });
}
