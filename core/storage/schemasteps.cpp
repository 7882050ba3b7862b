// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/schemasteps.h"

namespace ddd::core::storage {

// Step N brings the schema from version N-1 to N. Steps are append-only:
// never edit one that has shipped, add the next instead. Times are Unix
// milliseconds (UTC).
const QStringList &schemaSteps()
{
    static const QStringList all = {
        // 1: accounts, API tokens, projects.
        uR"sql(
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL,
    email_key     TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('user', 'admin', 'operator')),
    token_version INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    secret_hash  BLOB NOT NULL UNIQUE,
    capabilities TEXT NOT NULL,
    project_id   INTEGER REFERENCES projects(id) ON DELETE CASCADE,
    expires_at   INTEGER,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);
CREATE TABLE projects (
    id         INTEGER PRIMARY KEY,
    owner_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    domain     TEXT UNIQUE,
    slug       TEXT NOT NULL UNIQUE,
    settings   TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX projects_owner ON projects(owner_id);
)sql"_qs,
        // 2: versions, their files, the live pointer, incremental upload sessions.
        // Version numbers come from projects.versions_created rather than
        // MAX(number) + 1, so deleting the newest version never lets its
        // number be handed out again. activation_seq orders activations within a project (the previous
        // live version is the retired one with the highest), independent of
        // clock resolution. version_files has no blob table behind it: the
        // blob store is the file system, and the sha256 index answers "is
        // this blob still referenced" for garbage collection.
        uR"sql(
CREATE TABLE versions (
    id             INTEGER PRIMARY KEY,
    project_id     INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    number         INTEGER NOT NULL,
    status         TEXT NOT NULL
                   CHECK (status IN ('uploading', 'processing', 'ready', 'failed', 'live', 'retired')),
    source         TEXT NOT NULL CHECK (source IN ('archive', 'incremental', 'build')),
    author_id      INTEGER REFERENCES users(id) ON DELETE SET NULL,
    file_count     INTEGER NOT NULL DEFAULT 0,
    total_bytes    INTEGER NOT NULL DEFAULT 0,
    manifest_hash  TEXT,
    pinned         INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    diff_added     INTEGER NOT NULL DEFAULT 0,
    diff_changed   INTEGER NOT NULL DEFAULT 0,
    diff_removed   INTEGER NOT NULL DEFAULT 0,
    bytes_added    INTEGER NOT NULL DEFAULT 0,
    bytes_removed  INTEGER NOT NULL DEFAULT 0,
    error_code     TEXT,
    error_message  TEXT,
    created_at     INTEGER NOT NULL,
    activated_at   INTEGER,
    activation_seq INTEGER,
    UNIQUE (project_id, number)
);
CREATE INDEX versions_status ON versions(status);
CREATE INDEX versions_activation ON versions(project_id, activation_seq);
CREATE TABLE version_files (
    version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    path       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    size       INTEGER NOT NULL CHECK (size >= 0),
    PRIMARY KEY (version_id, path)
) WITHOUT ROWID;
CREATE INDEX version_files_sha256 ON version_files(sha256);
ALTER TABLE projects ADD COLUMN live_version_id INTEGER REFERENCES versions(id) ON DELETE SET NULL;
ALTER TABLE projects ADD COLUMN versions_created INTEGER NOT NULL DEFAULT 0;
CREATE TABLE upload_sessions (
    id         TEXT PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    manifest   TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX upload_sessions_expiry ON upload_sessions(expires_at);
)sql"_qs,
        // 3: domain aliases. A host names at most one project, as its domain
        // or as one of its aliases: the primary key keeps aliases apart, the
        // triggers keep aliases and domains apart (their message names
        // projects.domain so both clashes read as project.domain_taken).
        uR"sql(
CREATE TABLE project_aliases (
    host       TEXT PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL
);
CREATE INDEX project_aliases_project ON project_aliases(project_id, position);
CREATE TRIGGER project_aliases_not_a_domain BEFORE INSERT ON project_aliases
WHEN EXISTS (SELECT 1 FROM projects WHERE domain = NEW.host)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: projects.domain'); END;
CREATE TRIGGER projects_insert_domain_not_an_alias BEFORE INSERT ON projects
WHEN NEW.domain IS NOT NULL AND EXISTS (SELECT 1 FROM project_aliases WHERE host = NEW.domain)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: projects.domain'); END;
CREATE TRIGGER projects_update_domain_not_an_alias BEFORE UPDATE OF domain ON projects
WHEN NEW.domain IS NOT NULL
    AND EXISTS (SELECT 1 FROM project_aliases WHERE host = NEW.domain AND project_id != NEW.id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: projects.domain'); END;
)sql"_qs,
        // 4: precompressed variants of blobs, one row per blob and coding once
        // the deploy has decided: size NULL means "tried, saves under 10%", so
        // the next deploy of that content does not compress it again. Rows
        // follow the files in blobs/ (written after the rename, deleted with
        // the blob); start-up repair mends any disagreement.
        uR"sql(
CREATE TABLE blob_variants (
    sha256   TEXT NOT NULL,
    encoding TEXT NOT NULL CHECK (encoding IN ('br', 'gzip')),
    size     INTEGER CHECK (size > 0),
    PRIMARY KEY (sha256, encoding)
) WITHOUT ROWID;
)sql"_qs,
        // 5: builds. A source is stored like a version (its files are blobs,
        // deduplicated with everything else); builds are persisted jobs with
        // their detection, phases and error as JSON; hooks keep only the
        // SHA-256 of their secret. Upload sessions learn what they make.
        uR"sql(
CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    number          INTEGER NOT NULL,
    author_id       INTEGER REFERENCES users(id) ON DELETE SET NULL,
    file_count      INTEGER NOT NULL DEFAULT 0,
    total_bytes     INTEGER NOT NULL DEFAULT 0,
    detection       TEXT,
    detection_error TEXT,
    created_at      INTEGER NOT NULL,
    UNIQUE (project_id, number)
);
CREATE TABLE source_files (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    path      TEXT NOT NULL,
    sha256    TEXT NOT NULL,
    size      INTEGER NOT NULL CHECK (size >= 0),
    PRIMARY KEY (source_id, path)
) WITHOUT ROWID;
CREATE INDEX source_files_sha256 ON source_files(sha256);
CREATE TABLE builds (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    status      TEXT NOT NULL
                CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
    trigger     TEXT NOT NULL CHECK (trigger IN ('upload', 'rebuild', 'hook', 'git')),
    source_id   INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    activate    INTEGER NOT NULL DEFAULT 0 CHECK (activate IN (0, 1)),
    author_id   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    detection   TEXT,
    phases      TEXT NOT NULL DEFAULT '[]',
    error       TEXT,
    version_id  INTEGER REFERENCES versions(id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    started_at  INTEGER,
    finished_at INTEGER,
    log_bytes   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (project_id, number)
);
CREATE INDEX builds_status ON builds(status);
CREATE TABLE build_hooks (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    author_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,
    name         TEXT NOT NULL,
    secret_hash  BLOB NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);
CREATE INDEX build_hooks_project ON build_hooks(project_id);
ALTER TABLE upload_sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'version' CHECK (kind IN ('version', 'source'));
)sql"_qs,
        // 6: a version names the build that made it (and deleting a version or
        // a source must not scan every build to clear its reference).
        uR"sql(
CREATE INDEX builds_version ON builds(version_id);
CREATE INDEX builds_source ON builds(source_id);
)sql"_qs,
        // 7: builds from Git. A fetched source remembers its origin (JSON
        // {"url", "branch", "commit", "subject"}); a build remembers that its
        // first phase fetches, since its source exists only afterwards.
        uR"sql(
ALTER TABLE sources ADD COLUMN git TEXT;
ALTER TABLE builds ADD COLUMN fetch_git INTEGER NOT NULL DEFAULT 0 CHECK (fetch_git IN (0, 1));
)sql"_qs,
        // 8: what deleting a version frees, kept per version (UniqueBytes)
        // instead of computed from all its files on every read; NULL until
        // first read for versions recorded before.
        uR"sql(
ALTER TABLE versions ADD COLUMN unique_bytes INTEGER;
)sql"_qs,
        // 9: ids are never handed out again (AUTOINCREMENT), so an id kept in a
        // CI script or a dashboard never names another object, not even
        // another user's. Every table whose ids the API shows is rebuilt
        // (SQLite cannot add AUTOINCREMENT in place): same columns in the same
        // order, rows copied, indexes and triggers recreated (the triggers
        // first dropped, or renaming new_projects would trip over the one on
        // project_aliases that names projects). INSERT ... SELECT seeds
        // sqlite_sequence with MAX(id), the highest id this database still
        // knows; ids deleted from the top before this step are lost for good.
        // Runs with foreign keys off (a DROP TABLE would otherwise cascade).
        uR"sql(-- ddd: foreign_keys off
DROP TRIGGER project_aliases_not_a_domain;
DROP TRIGGER projects_insert_domain_not_an_alias;
DROP TRIGGER projects_update_domain_not_an_alias;
CREATE TABLE new_users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL,
    email_key     TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('user', 'admin', 'operator')),
    token_version INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
INSERT INTO new_users SELECT * FROM users;
DROP TABLE users;
ALTER TABLE new_users RENAME TO users;
CREATE TABLE new_api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    secret_hash  BLOB NOT NULL UNIQUE,
    capabilities TEXT NOT NULL,
    project_id   INTEGER REFERENCES projects(id) ON DELETE CASCADE,
    expires_at   INTEGER,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);
INSERT INTO new_api_tokens SELECT * FROM api_tokens;
DROP TABLE api_tokens;
ALTER TABLE new_api_tokens RENAME TO api_tokens;
CREATE INDEX api_tokens_user ON api_tokens(user_id);
CREATE TABLE new_projects (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    domain           TEXT UNIQUE,
    slug             TEXT NOT NULL UNIQUE,
    settings         TEXT NOT NULL DEFAULT '{}',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    live_version_id  INTEGER REFERENCES versions(id) ON DELETE SET NULL,
    versions_created INTEGER NOT NULL DEFAULT 0
);
INSERT INTO new_projects SELECT * FROM projects;
DROP TABLE projects;
ALTER TABLE new_projects RENAME TO projects;
CREATE INDEX projects_owner ON projects(owner_id);
CREATE TABLE new_versions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id     INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    number         INTEGER NOT NULL,
    status         TEXT NOT NULL
                   CHECK (status IN ('uploading', 'processing', 'ready', 'failed', 'live', 'retired')),
    source         TEXT NOT NULL CHECK (source IN ('archive', 'incremental', 'build')),
    author_id      INTEGER REFERENCES users(id) ON DELETE SET NULL,
    file_count     INTEGER NOT NULL DEFAULT 0,
    total_bytes    INTEGER NOT NULL DEFAULT 0,
    manifest_hash  TEXT,
    pinned         INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    diff_added     INTEGER NOT NULL DEFAULT 0,
    diff_changed   INTEGER NOT NULL DEFAULT 0,
    diff_removed   INTEGER NOT NULL DEFAULT 0,
    bytes_added    INTEGER NOT NULL DEFAULT 0,
    bytes_removed  INTEGER NOT NULL DEFAULT 0,
    error_code     TEXT,
    error_message  TEXT,
    created_at     INTEGER NOT NULL,
    activated_at   INTEGER,
    activation_seq INTEGER,
    unique_bytes   INTEGER,
    UNIQUE (project_id, number)
);
INSERT INTO new_versions SELECT * FROM versions;
DROP TABLE versions;
ALTER TABLE new_versions RENAME TO versions;
CREATE INDEX versions_status ON versions(status);
CREATE INDEX versions_activation ON versions(project_id, activation_seq);
CREATE TABLE new_sources (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    number          INTEGER NOT NULL,
    author_id       INTEGER REFERENCES users(id) ON DELETE SET NULL,
    file_count      INTEGER NOT NULL DEFAULT 0,
    total_bytes     INTEGER NOT NULL DEFAULT 0,
    detection       TEXT,
    detection_error TEXT,
    created_at      INTEGER NOT NULL,
    git             TEXT,
    UNIQUE (project_id, number)
);
INSERT INTO new_sources SELECT * FROM sources;
DROP TABLE sources;
ALTER TABLE new_sources RENAME TO sources;
CREATE TABLE new_builds (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    status      TEXT NOT NULL
                CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
    trigger     TEXT NOT NULL CHECK (trigger IN ('upload', 'rebuild', 'hook', 'git')),
    source_id   INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    activate    INTEGER NOT NULL DEFAULT 0 CHECK (activate IN (0, 1)),
    author_id   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    detection   TEXT,
    phases      TEXT NOT NULL DEFAULT '[]',
    error       TEXT,
    version_id  INTEGER REFERENCES versions(id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    started_at  INTEGER,
    finished_at INTEGER,
    log_bytes   INTEGER NOT NULL DEFAULT 0,
    fetch_git   INTEGER NOT NULL DEFAULT 0 CHECK (fetch_git IN (0, 1)),
    UNIQUE (project_id, number)
);
INSERT INTO new_builds SELECT * FROM builds;
DROP TABLE builds;
ALTER TABLE new_builds RENAME TO builds;
CREATE INDEX builds_status ON builds(status);
CREATE INDEX builds_version ON builds(version_id);
CREATE INDEX builds_source ON builds(source_id);
CREATE TABLE new_build_hooks (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    author_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,
    name         TEXT NOT NULL,
    secret_hash  BLOB NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);
INSERT INTO new_build_hooks SELECT * FROM build_hooks;
DROP TABLE build_hooks;
ALTER TABLE new_build_hooks RENAME TO build_hooks;
CREATE INDEX build_hooks_project ON build_hooks(project_id);
CREATE TRIGGER project_aliases_not_a_domain BEFORE INSERT ON project_aliases
WHEN EXISTS (SELECT 1 FROM projects WHERE domain = NEW.host)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: projects.domain'); END;
CREATE TRIGGER projects_insert_domain_not_an_alias BEFORE INSERT ON projects
WHEN NEW.domain IS NOT NULL AND EXISTS (SELECT 1 FROM project_aliases WHERE host = NEW.domain)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: projects.domain'); END;
CREATE TRIGGER projects_update_domain_not_an_alias BEFORE UPDATE OF domain ON projects
WHEN NEW.domain IS NOT NULL
    AND EXISTS (SELECT 1 FROM project_aliases WHERE host = NEW.domain AND project_id != NEW.id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: projects.domain'); END;
)sql"_qs,
        // 10: the activity log, per project (ActivityLog): who did what to
        // which version, when, and whether it was refused. The actor's e-mail
        // is copied so an entry still reads after the account is gone; the
        // version number too, since deleted versions stay in the log.
        uR"sql(
CREATE TABLE activity (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id     INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    at             INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    actor_id       INTEGER REFERENCES users(id) ON DELETE SET NULL,
    actor          TEXT NOT NULL,
    via            TEXT NOT NULL CHECK (via IN ('session', 'token', 'build')),
    version_number INTEGER,
    outcome        TEXT NOT NULL CHECK (outcome IN ('ok', 'refused')),
    code           TEXT,
    detail         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX activity_project ON activity(project_id, id);
CREATE INDEX activity_project_version ON activity(project_id, version_number, id);
)sql"_qs,
        // Outgoing webhooks (WebhookService) and their delivery queue, which
        // is also the delivery log: a restart loses no pending delivery. The
        // secret is kept as is, since every delivery is signed with it.
        uR"sql(
CREATE TABLE webhooks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    author_id  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    url        TEXT NOT NULL,
    events     TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    secret     TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX webhooks_project ON webhooks(project_id);
CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id       INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event_id         TEXT NOT NULL,
    event            TEXT NOT NULL,
    payload          BLOB NOT NULL,
    created_at       INTEGER NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER,
    last_attempt_at  INTEGER,
    status_code      INTEGER,
    duration_ms      INTEGER,
    error            TEXT NOT NULL DEFAULT '',
    response_excerpt TEXT NOT NULL DEFAULT ''
);
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries(webhook_id, id);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(state, next_attempt_at);
)sql"_qs,
        // Archive uploads in pieces (ArchiveUploads): who sends which
        // archive to which project, its declared size and hash, and the
        // idle expiry. The bytes are in staging/archives/<id>/.
        uR"sql(
CREATE TABLE archive_uploads (
    id          TEXT PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    author_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    total_bytes INTEGER NOT NULL CHECK (total_bytes >= 0),
    sha256      TEXT,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX archive_uploads_author ON archive_uploads(author_id, expires_at);
CREATE INDEX archive_uploads_expiry ON archive_uploads(expires_at);
)sql"_qs,
        // Blobs known to be in shared object storage (SharedBlobs), per
        // store (bucket and prefix), so a deploy uploads only what that
        // bucket lacks and a different bucket starts empty.
        uR"sql(
CREATE TABLE published_blobs (
    store        TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    PRIMARY KEY (store, sha256)
) WITHOUT ROWID;
)sql"_qs,
        // What a site listener serves of a project changes only with its row
        // or its aliases; site_revision counts those changes, so an agent
        // that follows another's database (SiteFollower) sees which sites to
        // build again. An UPDATE that sets site_revision itself keeps its
        // value (DatabaseCopy carries a source's revisions over).
        uR"sql(
ALTER TABLE projects ADD COLUMN site_revision INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER projects_site_revision AFTER UPDATE ON projects
    WHEN NEW.site_revision = OLD.site_revision
BEGIN
    UPDATE projects SET site_revision = OLD.site_revision + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER project_aliases_site_revision_insert AFTER INSERT ON project_aliases
BEGIN
    UPDATE projects SET site_revision = site_revision + 1 WHERE id = NEW.project_id;
END;
CREATE TRIGGER project_aliases_site_revision_update AFTER UPDATE ON project_aliases
BEGIN
    UPDATE projects SET site_revision = site_revision + 1 WHERE id IN (OLD.project_id, NEW.project_id);
END;
CREATE TRIGGER project_aliases_site_revision_delete AFTER DELETE ON project_aliases
BEGIN
    UPDATE projects SET site_revision = site_revision + 1 WHERE id = OLD.project_id;
END;
)sql"_qs,
        // The agents sharing a database (AgentStore, ClusterHeartbeat): each
        // writes its row every few seconds; behind_since is when a site
        // agent's sites stopped matching the database (NULL: they match).
        uR"sql(
CREATE TABLE agents (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    roles        TEXT NOT NULL,
    version      TEXT NOT NULL,
    started_at   INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL,
    behind_since INTEGER
) WITHOUT ROWID;
)sql"_qs,
        // When a deploy last counted on each published blob (BlobPublisher
        // claims it before recording a version or leaving it out of an
        // upload session), so BucketCollector deletes from the bucket only
        // what nothing references and nobody claimed within the grace period.
        uR"sql(
ALTER TABLE published_blobs ADD COLUMN claimed_at INTEGER NOT NULL DEFAULT 0;
UPDATE published_blobs SET claimed_at = published_at;
CREATE INDEX published_blobs_claims ON published_blobs(store, claimed_at);
)sql"_qs,
        // Secrets every agent sharing a database needs alike (SharedSigningKey):
        // with database.url the session-token key lives here, not only in one
        // agent's keys/jwt.key. Unused on SQLite.
        uR"sql(
CREATE TABLE agent_secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;
)sql"_qs,
        // Failed logins (LoginFailureStore), so every agent with the api role,
        // and the same agent after a restart, counts a retry with the
        // attempts before it. Rows leave once out of the throttle's window.
        uR"sql(
CREATE TABLE login_failures (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL,
    at_ms INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at_ms);
CREATE INDEX login_failures_at ON login_failures(at_ms);
)sql"_qs,
        // With shared object storage an archive upload's pieces are objects in
        // the bucket, one row each (ArchivePieceStore), so the next piece, or
        // the completion, may reach any agent with the api role.
        uR"sql(
CREATE TABLE archive_upload_pieces (
    upload_id TEXT NOT NULL REFERENCES archive_uploads(id) ON DELETE CASCADE,
    start     INTEGER NOT NULL CHECK (start >= 0),
    size      INTEGER NOT NULL CHECK (size > 0),
    sha256    TEXT NOT NULL,
    PRIMARY KEY (upload_id, start)
) WITHOUT ROWID;
)sql"_qs,
        // The build queue shared by every agent with the build role: a build
        // is claimed by one agent (agent_id), may be asked to stop from any
        // agent (cancel_requested), and one project has one active build even
        // when two agents take the request at once.
        uR"sql(
ALTER TABLE builds ADD COLUMN agent_id TEXT;
ALTER TABLE builds ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1));
CREATE UNIQUE INDEX builds_one_active ON builds(project_id) WHERE status IN ('queued', 'running');
)sql"_qs,
        // A build's log as numbered chunks of whole lines (BuildLogStore), in
        // the database rather than a file on the agent that ran the build, so
        // every agent reads and follows it. A build's chunks go with its row.
        uR"sql(
CREATE TABLE build_log_chunks (
    build_id INTEGER NOT NULL REFERENCES builds(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL CHECK (seq > 0),
    lines    BLOB NOT NULL,
    PRIMARY KEY (build_id, seq)
) WITHOUT ROWID;
)sql"_qs,
        // Certificates shared by every agent (acme.enabled with a shared
        // database): one agent at a time orders them (AcmeIssuerLock) and
        // records each status and pair here; every site agent installs the
        // pairs (CertificateSync) and answers the HTTP-01 challenges of an
        // order in progress from acme_challenges, whichever agent the
        // authority asks. A status outlives its project, as its file does on
        // one agent: the issuer's next pass forgets it and removes its pair.
        uR"sql(
CREATE TABLE certificate_statuses (
    project_id INTEGER PRIMARY KEY,
    status     TEXT NOT NULL
);
CREATE TABLE certificate_pairs (
    domain      TEXT PRIMARY KEY,
    fullchain   BLOB NOT NULL,
    private_key BLOB NOT NULL,
    changed_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE acme_orders (
    agent_id   TEXT PRIMARY KEY,
    started_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE acme_challenges (
    token      TEXT PRIMARY KEY,
    answer     TEXT NOT NULL,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql"_qs,
        // Precompressed variants shared through the bucket: the SHA-256 of
        // the variant's own bytes, under which it is published as a blob, so
        // an agent that did not make it fetches and checks it. NULL: the
        // variant is only on the agent that made it (no bucket, or made
        // before this step).
        uR"sql(
ALTER TABLE blob_variants ADD COLUMN variant_sha256 TEXT;
)sql"_qs,
    };
    return all;
}

} // namespace ddd::core::storage
