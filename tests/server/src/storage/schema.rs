//! The tables, created on every start when missing.

/// Every table and index; `seq` keeps insertion order stable when timestamps tie.
pub const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS users (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    tenant_id TEXT NOT NULL,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL,
    first_name TEXT,
    last_name TEXT,
    is_active INTEGER NOT NULL,
    metadata TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS users_by_email ON users (tenant_id, email_key);
CREATE INDEX IF NOT EXISTS users_by_order ON users (tenant_id, is_active, created_at, seq);

CREATE TABLE IF NOT EXISTS threads (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    tenant_id TEXT NOT NULL,
    user_id TEXT,
    title TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS threads_by_tenant ON threads (tenant_id, created_at, seq);

CREATE TABLE IF NOT EXISTS responses (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    tenant_id TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    user_id TEXT,
    status TEXT NOT NULL,
    progress TEXT NOT NULL,
    input_messages TEXT NOT NULL,
    output_text TEXT,
    structured_response TEXT,
    artifacts TEXT NOT NULL,
    error TEXT,
    options TEXT NOT NULL,
    response_title TEXT,
    created_at TEXT NOT NULL,
    completed_at TEXT
);
CREATE INDEX IF NOT EXISTS responses_by_thread ON responses (thread_id, seq);
CREATE INDEX IF NOT EXISTS responses_by_tenant ON responses (tenant_id, created_at, seq);

CREATE TABLE IF NOT EXISTS feedback (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    tenant_id TEXT NOT NULL,
    response_id TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_by_response ON feedback (response_id, seq);

CREATE TABLE IF NOT EXISTS files (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    tenant_id TEXT NOT NULL,
    user_id TEXT,
    file_name TEXT NOT NULL,
    original_file_name TEXT NOT NULL,
    file_type TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    file_scope TEXT NOT NULL,
    processing_status TEXT NOT NULL,
    error_message TEXT,
    total_chunks INTEGER NOT NULL,
    chunks_embedded INTEGER NOT NULL,
    tags TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX IF NOT EXISTS files_by_tenant ON files (tenant_id, created_at, seq);

CREATE TABLE IF NOT EXISTS replays (
    tenant_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint BLOB NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT,
    body BLOB NOT NULL,
    PRIMARY KEY (tenant_id, key)
);
"#;

/// Empties every table (the control API's reset).
pub const CLEAR: &str = "DELETE FROM users; DELETE FROM threads; DELETE FROM responses; \
    DELETE FROM feedback; DELETE FROM files; DELETE FROM replays;";
