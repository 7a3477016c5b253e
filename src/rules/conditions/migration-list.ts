import { RuleNotInForceError } from '../errors.ts';
import { findMigrationListVersionAt } from '../migration-list/migration-list.ts';
import { type Condition, finding } from './condition.ts';
import { FIELDS } from './fields.ts';

/**
 * Medium-skilled shortage function (art. 18 §2): the function must be on the migration-list
 * version in force on the application date. A renewal keeps a function that an earlier version
 * listed: each new list let existing permits be renewed with the same employer (reference.md §3.1),
 * and a renewal in Flanders is always with the same employer (a permit is tied to one employer).
 */
export const checkOnMigrationList: Condition = {
  name: 'checkOnMigrationList',
  legalBasis: 'BVR 7 Dec 2018, art. 18 §2; ministerial migration list',
  reasonCodes: ['NOT_ON_MIGRATION_LIST'],
  requires: [FIELDS.migrationListFunction],
  evaluate(ctx) {
    const fn = ctx.app.job.migrationListFunction!;
    const versions = ctx.data.migrationList;
    const version = findMigrationListVersionAt(versions, ctx.rulesAt);
    if (!version)
      throw new RuleNotInForceError('the migration list', ctx.rulesAt, 'no version starts on or before');
    const entry = version.entries.find((e) => e.id === fn);
    const note = (verified: boolean) => {
      if (!verified) {
        ctx.unverifiedData.push({
          parameter: `migrationList.${version.id}`,
          value: fn,
          validFrom: version.validFrom,
          source: version.source,
          status: 'PROVISIONAL',
        });
      }
    };
    if (entry) {
      note(entry.verified);
      return null;
    }
    const earlier = versions.filter((v) => v.validFrom < version.validFrom);
    if (ctx.isRenewal && earlier.some((v) => v.ids.has(fn))) return null;
    // A removal named in the sources is certain; absence from a list we could not read in full is not.
    const wasOnPreviousVersion = earlier.at(-1)?.ids.has(fn) === true;
    note(version.verified || wasOnPreviousVersion);
    return finding('NOT_ON_MIGRATION_LIST', {
      function: fn,
      version: version.id,
      versionValidFrom: version.validFrom,
    });
  },
};
