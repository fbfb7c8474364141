-- Imports of past history (issue 11). One row per file sent, dry run or real: its progress while it runs
-- (written in transactions of their own, so that it can be read while the import's own transaction is open)
-- and its outcome with the refused lines.
create table history_import (
    import_id        varchar(36)  not null primary key,
    file_name        varchar(255) not null,
    -- SHA-256 (hex) of the file's bytes
    sha256           varchar(64)  not null,
    file_format      varchar(16)  not null,
    dry_run          boolean      not null,
    -- RUNNING, RECORDED, VALID (a dry run that would record), REJECTED, ALREADY_IMPORTED, FAILED
    state            varchar(32)  not null,
    lines_total      integer      not null,
    lines_done       integer      not null,
    facts_recorded   integer      not null,
    events_recorded  integer      not null,
    error_count      integer      not null,
    -- the refused lines as a JSON array (line, code, detail, figures), at most the first 1,000
    errors           text,
    -- the import that recorded this file before (state ALREADY_IMPORTED)
    earlier_import_id varchar(36),
    recorded_by      varchar(255) not null,
    started_at       timestamp with time zone not null,
    finished_at      timestamp with time zone
);
create index ix_history_import_sha256 on history_import (sha256);

-- Each file recorded, once: inserted in the transaction that records the file's events, so a file is here
-- if and only if its facts are. A second import of the same bytes finds it and records nothing; two at once
-- meet on the primary key and the later one records nothing.
create table history_import_file (
    sha256      varchar(64) not null primary key,
    import_id   varchar(36) not null,
    recorded_at timestamp with time zone not null
);
