-- Market conformity of the salary thresholds (policy note 002 §2.10 a, issue 15; docs/statistics.md):
-- per monitoring run, the distribution of (wage paid per hour in DmfA ÷ salary threshold per hour)
-- over the granted authorisations judged, per category and year of the grant. Aggregates only — no
-- dossier, worker or employer — and quantiles only for groups of at least 5 (NULL below), so the
-- figures never describe one or two people. Written in the run's own transaction with its scores.
CREATE TABLE wage_conformity (
  run_id          uuid NOT NULL REFERENCES risk_monitoring_runs (id) ON DELETE CASCADE,
  category        text NOT NULL,
  grant_year      smallint NOT NULL,
  authorisations  integer NOT NULL CHECK (authorisations > 0),
  -- Paid ÷ threshold per hour at the 10th, 25th, 50th, 75th and 90th percentile.
  quantiles       double precision[] CHECK (quantiles IS NULL OR cardinality(quantiles) = 5),
  -- Share of the group paid below the threshold per hour.
  below_share     double precision CHECK (below_share IS NULL OR below_share BETWEEN 0 AND 1),
  CHECK ((quantiles IS NULL) = (below_share IS NULL)),
  CHECK (quantiles IS NULL OR authorisations >= 5),
  PRIMARY KEY (run_id, category, grant_year)
);
