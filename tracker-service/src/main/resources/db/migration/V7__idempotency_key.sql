-- Idempotency-Key of each accepted command sent over HTTP, with the first answer, so that a retry is
-- answered the same and records nothing more. The row is inserted when the command starts, in the
-- transaction that stores the command's events, and completed with the answer before it commits:
-- a concurrent retry waits on the primary key and then finds the answer. Kept for
-- tracker.idempotency.retention, then purged.
create table idempotency_key (
    idempotency_key varchar(128) not null primary key,
    -- SHA-256 (hex) of the method, the path and the body: the same key with another request is refused
    request_hash    varchar(64)  not null,
    method          varchar(16)  not null,
    path            varchar(1024) not null,
    created_at      timestamp with time zone not null,
    -- the first answer; null only inside the transaction that is recording the command
    status          integer,
    location        varchar(1024),
    etag            varchar(64),
    body            text
);
create index ix_idempotency_key_created on idempotency_key (created_at);
