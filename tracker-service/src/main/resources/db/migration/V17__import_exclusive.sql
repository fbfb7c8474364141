-- A real import of past history records alone (issue 11). Its transaction takes global indexes early and
-- commits late: a fact committed meanwhile would let the projections' tracking tokens pass the import's
-- indexes as gaps and drop them after the gap timeout, and the views would miss the imported events. The
-- import holds this one row while it runs; every command on every node looks at it and is refused
-- (IMPORT_IN_PROGRESS). The lease is renewed with the progress; one whose node stopped runs out.
create table import_exclusive (
    slot        varchar(16) not null primary key,
    import_id   varchar(36) not null,
    lease_until timestamp with time zone not null
);

-- An import RUNNING past its lease was stopped with its service: marked INTERRUPTED (nothing was recorded).
alter table history_import add column lease_until timestamp with time zone;
