import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { LANGUAGES } from '../i18n/languages.ts';
import { guideCategory } from '../rules/category-guidance.ts';
import { CATEGORIES } from '../rules/contract.ts';
import { getDefaultRuleData } from '../rules/index.ts';
import type { DatabaseState } from '../server/database-state.ts';
import { brusselsDate } from '../server/today.ts';
import { migrationListOptions } from './migration-list-options.ts';
import { findOccupation, occupationIndex } from './occupation-catalogue.ts';
import { occupationNamesLoaded, searchOccupationNames } from './occupation-names.repo.ts';
import { MAX_LIMIT, searchOccupations } from './occupation-search.ts';

const Lang = Type.Enum([...LANGUAGES], {
  description: 'Language of the labels; default Accept-Language, then nl',
});

const OccupationQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: '\\S',
      description:
        'Words of the name (accents and case ignored, a misspelling tolerated), or an ISCO-08 code prefix (digits)',
    }),
    lang: Type.Optional(Lang),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, description: 'default 20' })),
  },
  { additionalProperties: false },
);

const VksProposal = Type.Object({
  iscoSkillLevel: Type.Integer({ minimum: 1, maximum: 4 }),
  min: Type.Integer(),
  max: Type.Integer(),
  proposed: Type.Integer(),
});

const OccupationResults = Type.Object({
  source: Type.String(),
  results: Type.Array(
    Type.Object({
      id: Type.String({ description: 'ESCO occupation: http://data.europa.eu/esco/occupation/<id>' }),
      label: Type.String(),
      labelLang: Type.Enum([...LANGUAGES]),
      iscoCode: Type.String(),
      matchedAltLabel: Type.Union([Type.String(), Type.Null()]),
      vks: Type.Union([VksProposal, Type.Null()]),
    }),
  ),
});

const MigrationListQuery = Type.Object(
  {
    at: Type.Optional(
      Type.String({ format: 'date', description: 'The application date (YYYY-MM-DD); default today' }),
    ),
    lang: Type.Optional(Lang),
  },
  { additionalProperties: false },
);

const Option = Type.Object({ id: Type.String(), label: Type.String() });
const MigrationListAnswer = Type.Object({
  version: Type.Union([Type.String(), Type.Null()]),
  validFrom: Type.Union([Type.String(), Type.Null()]),
  entries: Type.Array(Option),
  earlierEntries: Type.Array(
    Type.Object({ id: Type.String(), label: Type.String(), lastListedIn: Type.String() }),
  ),
});

const GuidanceQuery = Type.Object(
  {
    occupation: Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: '^[A-Za-z0-9-]+$',
      description: 'The ESCO occupation id, as the occupation search answers it',
    }),
    at: Type.Optional(Type.String({ format: 'date', description: 'The application date; default today' })),
    lang: Type.Optional(Lang),
  },
  { additionalProperties: false },
);

const GuidanceAnswer = Type.Object({
  hints: Type.Array(
    Type.Object({
      kind: Type.Enum(['MIGRATION_LIST', 'PROFESSION']),
      categories: Type.Array(Type.Enum(CATEGORIES)),
      migrationListFunction: Type.Optional(Type.Object({ id: Type.String(), label: Type.String() })),
      profession: Type.Optional(Type.String()),
      reducedShare: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
      careFunctionException: Type.Optional(Type.Boolean()),
    }),
  ),
});

export const ESCO_ATTRIBUTION = 'ESCO, European Commission';

/**
 * The catalogues the application form picks functions from: ESCO occupations (with their ISCO-08
 * code and a proposed VKS level) and the migration list in force. Public: the public self-check
 * uses them, and both are public data.
 */
export async function occupationRoutes(
  fastify: FastifyInstance,
  options: { database?: DatabaseState } = {},
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = options;

  // Reading and indexing the 3,010 occupations takes a moment: do it once the server listens,
  // off the request path, rather than in the first employer's search (inject() never listens).
  app.addHook('onListen', async () => {
    setImmediate(() => occupationIndex());
  });

  app.get(
    '/api/v1/occupations',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['occupations'],
        summary:
          'Search ESCO occupations by name (labels and alternative labels, nl/fr/en; typos tolerated) or ISCO-08 code, with a proposed VKS level',
        querystring: OccupationQuery,
        response: { 200: OccupationResults },
      },
    },
    async (request) => {
      const { q, limit } = request.query;
      const lang = request.query.lang ?? request.lang;
      // PostgreSQL's trigram search (misspellings too; decision 028). The public self-check and the
      // forms must not lose their picker while the database is away: then the in-memory search,
      // which finds the same names spelt right.
      if (database?.isAttached) {
        try {
          if (await occupationNamesLoaded(database.db))
            return {
              source: ESCO_ATTRIBUTION,
              results: await searchOccupationNames(database.db, q, lang, limit ?? 20),
            };
        } catch (error) {
          request.log.warn(
            { reason: (error as Error).message },
            'occupation search: database unavailable, searched in memory',
          );
        }
      }
      return {
        source: ESCO_ATTRIBUTION,
        results: searchOccupations(occupationIndex(), q, lang, limit ?? 20),
      };
    },
  );

  app.get(
    '/api/v1/category-guidance',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['occupations'],
        summary: 'Which category fits an occupation: the migration list, a profession with its own threshold',
        querystring: GuidanceQuery,
        response: { 200: GuidanceAnswer },
      },
    },
    async (request) => {
      const lang = request.query.lang ?? request.lang;
      const at = request.query.at ?? brusselsDate(new Date());
      const occupation = findOccupation(request.query.occupation);
      if (!occupation) return { hints: [] };
      const names = [
        ...Object.values(occupation.labels),
        ...Object.values(occupation.altLabels).flatMap((labels) => labels ?? []),
      ];
      const hints = guideCategory(getDefaultRuleData(), { iscoCode: occupation.iscoCode, names }, at);
      return {
        hints: hints.map((hint) =>
          hint.kind === 'MIGRATION_LIST'
            ? {
                kind: hint.kind,
                categories: hint.categories,
                migrationListFunction: { id: hint.functionId, label: hint.functionLabels[lang] },
              }
            : {
                kind: hint.kind,
                categories: hint.categories,
                profession: hint.profession,
                reducedShare: hint.reducedShare,
                careFunctionException: hint.careFunctionException,
              },
        ),
      };
    },
  );

  app.get(
    '/api/v1/migration-list',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['occupations'],
        summary: 'The functions of the migration list in force on a date',
        querystring: MigrationListQuery,
        response: { 200: MigrationListAnswer },
      },
    },
    async (request) => {
      const lang = request.query.lang ?? request.lang;
      const at = request.query.at ?? brusselsDate(new Date());
      return migrationListOptions(getDefaultRuleData().migrationList, at, lang);
    },
  );
}
