import { z } from 'zod';
import { IndexDefinitionSchema } from '../../shared/schemas/index-definition';
import { currentDefinitions, definitionVersions } from '../analytics/definitions';
import { UserError } from '../errors';
import { auditBy, roleProcedure, router, viewerProcedure } from '../trpc';
import { msg } from '../../shared/messages/catalogue';

const VersionSchema = z.object({ definition: IndexDefinitionSchema, shipped: z.boolean(), createdAt: z.string().nullable(), createdBy: z.string().nullable() });

export const indexesRouter = router({
  /** The definitions in force (the latest version of each), the default first. */
  list: viewerProcedure.output(z.array(IndexDefinitionSchema)).query(({ ctx }) => currentDefinitions(ctx.deps)),
  /** Every version of every definition, for the admin page and audits of past reports. */
  versions: roleProcedure('admin').output(z.array(VersionSchema)).query(({ ctx }) => definitionVersions(ctx.deps)),
  /**
   * Saves a definition as a new version of its id: versions only grow, so a report made with an earlier version can
   * always say exactly what it used.
   */
  save: roleProcedure('admin')
    .input(IndexDefinitionSchema)
    .output(IndexDefinitionSchema)
    .mutation(async ({ ctx, input }) => {
      const versions = (await definitionVersions(ctx.deps)).filter((v) => v.definition.id === input.id);
      const latest = Math.max(0, ...versions.map((v) => v.definition.version));
      if (input.version <= latest) throw new UserError('CONFLICT', msg('index.versionTaken', { id: input.id, latest, next: latest + 1 }));
      const indicators = new Set((await ctx.deps.store.listIndicators()).map((i) => i.code));
      const unknown = input.components.filter((c) => c.indicator && !indicators.has(c.indicator)).map((c) => c.indicator);
      if (unknown.length) throw new UserError('BAD_REQUEST', msg('index.unknownIndicators', { codes: unknown.join(', ') }));
      const before = versions.find((v) => v.definition.version === latest)?.definition ?? null;
      await ctx.deps.store.saveDefinition(
        { id: input.id, version: input.version, json: JSON.stringify(input), createdBy: ctx.viewer.username },
        auditBy(ctx, 'index.save', `${input.id}/v${input.version}`, before, input),
      );
      return input;
    }),
});
