import { sql } from 'kysely';
import type { Db } from './client.ts';

/**
 * A text description of the public schema (tables, columns, constraints, indexes, functions and
 * triggers), stable across runs, so two databases can be compared line by line.
 */
export async function describeSchema(db: Db): Promise<string> {
  const columns = await sql<{ line: string }>`
    select format('column %s.%s %s%s%s', table_name, column_name, data_type,
                  case when is_nullable = 'NO' then ' not null' else '' end,
                  coalesce(' default ' || column_default, '')) as line
    from information_schema.columns where table_schema = 'public' and table_name <> 'kysely_migration_lock'
    order by table_name, ordinal_position`.execute(db);
  const constraints = await sql<{ line: string }>`
    select format('constraint %s.%s %s', rel.relname, con.conname, pg_get_constraintdef(con.oid)) as line
    from pg_constraint con join pg_class rel on rel.oid = con.conrelid join pg_namespace ns on ns.oid = rel.relnamespace
    -- PostgreSQL 18 lists NOT NULL as constraints too; columns already say it, so skip them (same text on 15).
    where ns.nspname = 'public' and con.contype <> 'n' order by rel.relname, con.conname`.execute(db);
  const indexes = await sql<{ line: string }>`
    select format('index %s', indexdef) as line from pg_indexes where schemaname = 'public' order by indexname`.execute(
    db,
  );
  const routines = await sql<{ line: string }>`
    select format('function %s', p.proname) as line from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' order by p.proname`.execute(db);
  const triggers = await sql<{ line: string }>`
    select format('trigger %s.%s %s', event_object_table, trigger_name, string_agg(event_manipulation, ',' order by event_manipulation)) as line
    from information_schema.triggers where trigger_schema = 'public' group by event_object_table, trigger_name
    order by 1`.execute(db);
  return [...columns.rows, ...constraints.rows, ...indexes.rows, ...routines.rows, ...triggers.rows]
    .map((r) => r.line)
    .join('\n');
}
