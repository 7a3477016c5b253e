-- The audit trail is chained after commit instead of inside the writing transaction
-- (docs/decisions/004-audit-sealed-after-commit.md; docs/operations.md, "Audit trail integrity").
--
-- Until now the trigger of 0003 took one global advisory lock in every transaction that wrote an
-- audit event and held it until that transaction committed: every dossier change and every staff
-- read waited for all the others, and 50 concurrent submissions were served one after another.
--
-- Now an event is a plain insert that takes no lock and notes the id of its transaction (`xid`).
-- A sealer, `audit_seal_pending()`, run every second by each instance (src/audit/audit-sealing.ts)
-- and before every `loket audit verify`, appends a seal per committed event to `audit_seals`: the
-- hash chain of 0003, same formula, same canonical text, now kept beside the events in seal order.
--
-- The trade-off: between its commit and the next seal (about a second while the sealer runs) an
-- event is not yet in the chain; the append-only triggers still guard it then, and the verifier
-- reports unsealed events and fails on one older than a grace period. Chain order is seal order,
-- not id order (an event of a long transaction can be sealed after events with higher ids).

-- ALTER TABLE takes an ACCESS EXCLUSIVE lock, so no event is being written while this runs. The
-- default is evaluated once for the existing rows (the function is STABLE), which then carry this
-- migration's id: harmless, they are all sealed by the backfill below.
ALTER TABLE audit_events ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX audit_events_xid_idx ON audit_events (xid);

DROP TRIGGER audit_events_hash_chain ON audit_events;
DROP FUNCTION audit_events_extend_chain();

-- One seal per event, append-only like the events. `seq` is the position in the chain; `hash` is
-- audit_event_hash(previous_hash, the event) of 0003 (the row type gained `xid` and loses the hash
-- columns below, but the function reads only the eight canonical fields, so hashes are unchanged).
-- `sealed_at` is informative only: the hash does not cover it.
CREATE TABLE audit_seals (
  seq           bigint PRIMARY KEY,
  event_id      bigint NOT NULL UNIQUE REFERENCES audit_events (id),
  previous_hash text,
  hash          text NOT NULL,
  sealed_at     timestamptz NOT NULL DEFAULT now(),
  -- One successor per seal and a single first seal, as 0003 had: should the sealer's lock ever be
  -- bypassed, a fork fails the insert instead of silently making the trail unverifiable. The index
  -- also lets the verifier find an exported hash quickly.
  UNIQUE NULLS NOT DISTINCT (previous_hash)
);

-- Every event written before this migration becomes a seal in id order with its existing hashes:
-- 0003 drew ids under its lock, so id order was chain order and the chain continues unbroken.
INSERT INTO audit_seals (seq, event_id, previous_hash, hash)
  SELECT row_number() OVER (ORDER BY id), id, previous_hash, hash FROM audit_events ORDER BY id;

-- Drops the 0003 unique index on previous_hash with it; no UPDATE, so the append-only trigger is
-- not involved.
ALTER TABLE audit_events DROP COLUMN previous_hash, DROP COLUMN hash;

CREATE FUNCTION audit_seals_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_seals is append-only';
END;
$$;
CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION audit_seals_are_append_only();
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION audit_seals_are_append_only();

-- The sealer's state: every committed event of a transaction with an id below `low_xid` is sealed.
-- Only a starting point for the search: the verifier does not rely on it.
CREATE TABLE audit_seal_horizon (
  low_xid xid8 NOT NULL
);
CREATE UNIQUE INDEX audit_seal_horizon_one_row ON audit_seal_horizon ((true));
-- The oldest transaction still running now, not this migration's id: a transaction that got its id
-- earlier may be waiting for this migration's lock to insert an event, and that event must still be
-- found (it has xid >= this value).
INSERT INTO audit_seal_horizon (low_xid) SELECT pg_snapshot_xmin(pg_current_snapshot());

-- Seals every committed event that has no seal yet, in id order; returns how many it sealed.
--
-- One sealer at a time (a transaction-scoped advisory lock, key 0x4C4F4B4554415544, "LOKETAUD",
-- the key 0003's writers waited on): another sealer at work returns 0 at once instead of waiting,
-- since that one will take the events. A sealer holding the lock started after the previous one
-- committed (commit becomes visible before locks are released), so its statements see that
-- sealer's seals and horizon.
--
-- Why no committed event is ever missed. Under READ COMMITTED each statement below takes a new
-- snapshot, in this order:
--   (a) horizon := the xmin of the current snapshot: every transaction with an id below it has
--       ended (committed or rolled back), and every transaction still running, or starting later,
--       has an id >= horizon (own id included, should this transaction already have one);
--   (b) read the chain head and the stored low_xid;
--   (c) seal every visible event with xid >= low_xid and no seal, in id order;
--   (d) store low_xid := horizon.
-- (c)'s snapshot is taken after (a)'s, so every event of a transaction with xid < horizon is
-- visible to it if it was committed: it is sealed now (or was by an earlier round, by induction on
-- low_xid). An event of a transaction still running, or committing after (c) started, has
-- xid >= horizon and is looked at again by the next round. A rolled-back event is never visible.
-- `xid` is the top-level transaction's id even for an insert in a savepoint. Swapping (a) and (c)
-- would lose events: a transaction committing between them would be below the new low_xid yet
-- unseen.
--
-- Other isolation levels are refused: their single snapshot would make (c) blind to transactions
-- that ended after (a), which would then be skipped for good.
CREATE FUNCTION audit_seal_pending() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  horizon xid8;
  stored xid8;
  low xid8;
  head_hash text;
  head_seq bigint;
  next_hash text;
  event audit_events;
  sealed integer := 0;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit events must be sealed in a READ COMMITTED transaction, not %',
      upper(current_setting('transaction_isolation'))
      USING HINT = 'the sealer needs a new snapshot per step; an older one could skip committed events';
  END IF;
  IF NOT pg_try_advisory_xact_lock(5498696431181059396) THEN
    RETURN 0;
  END IF;

  -- (a)
  SELECT pg_snapshot_xmin(pg_current_snapshot()) INTO horizon;
  -- (b)
  SELECT s.hash, s.seq INTO head_hash, head_seq FROM audit_seals s ORDER BY s.seq DESC LIMIT 1;
  SELECT h.low_xid INTO stored FROM audit_seal_horizon h;
  -- A horizon below the stored one only happens after a logical restore into another cluster (its
  -- transaction ids count from elsewhere); a missing row only by hand. Search every event then.
  low := CASE WHEN stored IS NULL OR horizon < stored THEN '0'::xid8 ELSE stored END;

  -- (c) The cursor keeps its snapshot, so it does not see the seals inserted in the loop.
  FOR event IN
    SELECT e.* FROM audit_events e
    WHERE e.xid >= low AND NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.event_id = e.id)
    ORDER BY e.id
  LOOP
    head_seq := coalesce(head_seq, 0) + 1;
    next_hash := audit_event_hash(head_hash, event);
    INSERT INTO audit_seals (seq, event_id, previous_hash, hash)
      VALUES (head_seq, event.id, head_hash, next_hash);
    head_hash := next_hash;
    sealed := sealed + 1;
  END LOOP;

  -- (d) Only when it moved: a round with nothing to do on an idle database writes nothing.
  IF stored IS DISTINCT FROM horizon THEN
    UPDATE audit_seal_horizon SET low_xid = horizon;
    IF NOT FOUND THEN
      INSERT INTO audit_seal_horizon (low_xid) VALUES (horizon);
    END IF;
  END IF;
  RETURN sealed;
END;
$$;
