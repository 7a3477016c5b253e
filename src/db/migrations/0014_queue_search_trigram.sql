-- The staff queue's search (dossier number, worker name in either order, enterprise number) is an
-- infix ILIKE: a b-tree cannot serve it, so every search scanned the whole dossiers table. A
-- trigram GIN index over one search text serves ILIKE '%…%' on it (issue 12). pg_trgm is a
-- trusted extension (PostgreSQL 13+): the database owner that runs the migrations may create it
-- without being a superuser. The expression must stay identical to QUEUE_SEARCH_TEXT in
-- src/dossiers/handling/queue.ts, or the planner no longer matches it (queue-search.db.test.ts
-- checks with EXPLAIN). Fields are joined by a line feed, which a search box cannot contain, so a
-- search never matches across two fields.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX dossiers_search_trgm_idx ON dossiers USING gin ((
  coalesce(number, '') || E'\n'
  || coalesce(worker_identity ->> 'givenNames', '') || ' ' || coalesce(worker_identity ->> 'familyName', '') || E'\n'
  || coalesce(worker_identity ->> 'familyName', '') || ' ' || coalesce(worker_identity ->> 'givenNames', '') || E'\n'
  || enterprise_number
) gin_trgm_ops);
