import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { type EmployerRepeatedDocuments, PERSONAL_DOCUMENT_TYPES } from './repeated-documents.ts';

/**
 * Per employer, the personal documents of its submitted dossiers whose exact bytes (SHA-256) were
 * also submitted for another worker, at this employer or another. Drafts and removed documents do
 * not count; a dossier without an INSZ counts as a worker of its own.
 */
export async function repeatedDocumentsByEmployer(db: Db): Promise<EmployerRepeatedDocuments[]> {
  const { rows } = await sql<{
    enterprise_number: string;
    repeated_files: string;
    most_workers: number;
    document_type: string;
    other_employers: string;
  }>`
    with uses as (
      select doc.sha256, doc.document_type, d.enterprise_number,
             coalesce(d.application #>> '{worker,insz}', d.id::text) as worker
      from dossier_documents doc
      join dossiers d on d.id = doc.dossier_id
      where doc.removed_at is null
        and d.status <> 'DRAFT'
        and doc.document_type in (${sql.join([...PERSONAL_DOCUMENT_TYPES])})
    ),
    files as (
      select sha256, min(document_type) as document_type, count(distinct worker)::int as workers
      from uses group by sha256 having count(distinct worker) >= 2
    ),
    per_employer as (
      select u.enterprise_number, f.sha256, f.document_type, f.workers,
             (select count(distinct o.enterprise_number) from uses o
               where o.sha256 = f.sha256 and o.enterprise_number <> u.enterprise_number) as others
      from files f join uses u on u.sha256 = f.sha256
      group by u.enterprise_number, f.sha256, f.document_type, f.workers
    )
    select enterprise_number,
           count(*) as repeated_files,
           max(workers) as most_workers,
           (array_agg(document_type order by workers desc, document_type))[1] as document_type,
           max(others) as other_employers
    from per_employer
    group by enterprise_number
    order by enterprise_number`.execute(db);
  return rows.map((row) => ({
    enterpriseNumber: row.enterprise_number,
    repeatedFiles: Number(row.repeated_files),
    mostWorkersSharingFile: Number(row.most_workers),
    documentType: row.document_type,
    otherEmployers: Number(row.other_employers),
  }));
}
