/**
 * The store's schema as forward migrations: MIGRATIONS[i] takes a store from version i to i + 1
 * (PRAGMA user_version). A new version appends a migration; released ones never change.
 * PRAGMA application_id marks the file as a Testbench store.
 */

/** "TBST" in ASCII: set on every store, checked on open. */
export const STORE_APPLICATION_ID = 0x54425354;

const VERSION_1 = `
CREATE TABLE campaigns (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  source_path TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'interrupted', 'completed', 'failed')),
  created_at_ms REAL NOT NULL,
  updated_at_ms REAL NOT NULL
);
CREATE INDEX campaigns_by_name ON campaigns (name);
CREATE INDEX campaigns_by_source_path ON campaigns (source_path);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  experiment_key TEXT NOT NULL,
  replication INTEGER NOT NULL CHECK (replication >= 0),
  seed INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('throughput', 'soak', 'failover', 'lbsim')),
  parameters_json TEXT NOT NULL,
  testbed TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'interrupted')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  error_code TEXT,
  error_message TEXT,
  started_at_ms REAL,
  ended_at_ms REAL,
  UNIQUE (campaign_id, experiment_key, replication)
);

CREATE TABLE trials (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  trial_index INTEGER NOT NULL CHECK (trial_index >= 1),
  warmup INTEGER NOT NULL CHECK (warmup IN (0, 1)),
  duration_s REAL NOT NULL,
  load_pps REAL NOT NULL,
  intended_count INTEGER NOT NULL,
  offered_count INTEGER NOT NULL,
  forwarded_count INTEGER NOT NULL,
  lost_count INTEGER NOT NULL,
  offered_duration_s REAL NOT NULL,
  duration_with_overheads_s REAL NOT NULL,
  started_at_ms REAL,
  ended_at_ms REAL,
  directions_json TEXT,
  power_json TEXT,
  PRIMARY KEY (run_id, trial_index)
) WITHOUT ROWID;

CREATE TABLE results (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  goal_name TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  kind TEXT NOT NULL CHECK (kind IN ('goal', 'soak')),
  loss_ratio REAL NOT NULL,
  conditional_throughput_pps REAL,
  relevant_lower_bound_pps REAL,
  relevant_upper_bound_pps REAL,
  regular INTEGER CHECK (regular IN (0, 1)),
  average_pps REAL,
  stdev_pps REAL,
  extra_json TEXT,
  PRIMARY KEY (run_id, goal_name)
) WITHOUT ROWID;

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  at_ns INTEGER NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  payload_json TEXT NOT NULL
);
CREATE INDEX events_by_run_time ON events (run_id, at_ns);

CREATE TABLE samples (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  stream TEXT NOT NULL,
  at_ns INTEGER NOT NULL,
  value REAL,
  values_json TEXT,
  CHECK (value IS NOT NULL OR values_json IS NOT NULL)
);
CREATE INDEX samples_by_run_stream_time ON samples (run_id, stream, at_ns);

CREATE TABLE locks (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  token TEXT NOT NULL,
  pid INTEGER NOT NULL,
  hostname TEXT NOT NULL,
  boot_id TEXT,
  start_ticks TEXT,
  owner TEXT NOT NULL,
  acquired_at_ms REAL NOT NULL,
  heartbeat_at_ms REAL NOT NULL
);
`;

/** MIGRATIONS[i] upgrades version i to i + 1. */
export const MIGRATIONS: readonly string[] = Object.freeze([VERSION_1]);

/** The version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;
