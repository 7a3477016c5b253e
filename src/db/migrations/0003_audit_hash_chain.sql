-- The audit trail becomes tamper-evident: each event carries the hash of the event before it and its
-- own hash over that link and its content, so a changed, deleted, inserted or renumbered event breaks
-- the chain. `loket audit verify` recomputes it (src/audit/verify-audit-chain.ts; docs/operations.md,
-- "Audit trail integrity"). Required by the issue: "append-only (a hash chain or equivalent so
-- tampering is detectable; a command verifies it)".
--
-- The formula (the verifier repeats it with built-in functions only, so it does not trust this one):
--
--   hash = lower-case hex of sha256( UTF-8 of ( coalesce(previous_hash, '') || canonical ) )
--   canonical = jsonb_build_array(id, occurred_at in UTC as 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"',
--                                 actor_user_id, action, subject_type, subject_id, request_id,
--                                 details)::text
--
-- The canonical text is unambiguous: a JSON array with a fixed number of elements, each string
-- JSON-escaped, SQL NULL as JSON null, and `details` in jsonb's own normal form (keys sorted, no
-- duplicate keys, fixed spacing), which does not depend on how the caller spelled the JSON.
-- `previous_hash` is NULL for the first event only, and otherwise always 64 hex digits, so the plain
-- concatenation cannot be read two ways either.

-- ALTER TABLE takes an ACCESS EXCLUSIVE lock: instances still running the old code cannot insert
-- until this transaction commits, and then their inserts go through the trigger below.
ALTER TABLE audit_events ADD COLUMN previous_hash text, ADD COLUMN hash text;

CREATE FUNCTION audit_event_hash(prior_hash text, event audit_events) RETURNS text
  LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(prior_hash, '') || jsonb_build_array(
    event.id,
    to_char(event.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    event.actor_user_id,
    event.action,
    event.subject_type,
    event.subject_id,
    event.request_id,
    event.details
  )::text, 'UTF8')), 'hex')
$$;

-- Backfill the events written before this migration, in id order. The append-only trigger forbids
-- UPDATE, so it is off for this one statement block, inside this migration's transaction only.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
DO $$
DECLARE
  event audit_events;
  chain_head text := NULL;
BEGIN
  FOR event IN SELECT * FROM audit_events ORDER BY id LOOP
    UPDATE audit_events
      SET previous_hash = chain_head, hash = audit_event_hash(chain_head, event)
      WHERE id = event.id
      RETURNING hash INTO chain_head;
  END LOOP;
END;
$$;
ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;

ALTER TABLE audit_events ALTER COLUMN hash SET NOT NULL;

-- One successor per event and a single first event (NULLS NOT DISTINCT, PostgreSQL 15+): should the
-- serialisation below ever be bypassed, a fork in the chain fails the insert instead of silently
-- making the trail unverifiable. The index also lets the verifier find an exported hash quickly.
CREATE UNIQUE INDEX audit_events_previous_hash_key ON audit_events (previous_hash) NULLS NOT DISTINCT;

-- Extends the chain by one event.
--
-- Concurrent inserts (several instances, many connections) must chain one after the other, so the
-- function first takes a transaction-scoped advisory lock with a fixed key (0x4C4F4B4554415544,
-- "LOKETAUD"): the next writer waits until this transaction commits or rolls back, then reads the
-- committed head. Without it, two transactions would read the same head and fork the chain.
--
-- The id is drawn again under that lock. The identity default was evaluated before this trigger ran
-- (PostgreSQL fills identities and defaults before BEFORE ROW triggers; a test checks it), that is
-- in the order transactions *started* inserting, not the order they commit. Drawing it under the
-- lock makes id order equal to chain order and commit order, so the verifier can walk the chain by
-- id. The first value is simply skipped: ids stay unique and increasing, only not consecutive.
--
-- The head is read by a new query, which in READ COMMITTED sees every event committed before the
-- lock was granted, and the events inserted earlier by this same transaction or statement. Under
-- REPEATABLE READ or SERIALIZABLE the snapshot is older than the lock and the head could be stale,
-- so such transactions are refused with a clear message rather than allowed to fork the chain.
--
-- Triggers of one kind fire in name order: this must stay the only BEFORE INSERT trigger that
-- changes the row, or the hash would not cover the row as stored.
CREATE FUNCTION audit_events_extend_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit events must be written in a READ COMMITTED transaction, not %',
      upper(current_setting('transaction_isolation'))
      USING HINT = 'the hash chain reads the latest committed event; an older snapshot would fork it';
  END IF;
  PERFORM pg_advisory_xact_lock(5498696431181059396);
  NEW.id := nextval(pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'id'));
  NEW.previous_hash := (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1);
  NEW.hash := audit_event_hash(NEW.previous_hash, NEW);
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_events_hash_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_extend_chain();

-- TRUNCATE skips row triggers, so the append-only rule gets a statement trigger for it as well.
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_are_append_only();
