-- The audit trail's rows were keyed by (generation, event_id): event identifiers are random UUIDs, so every row
-- written went to a random page of that index, which at a million events no longer stays in the database's memory;
-- a rebuild of the trail was the pace of the whole rebuild on PostgreSQL (BENCHMARKS.md change 45). An event's own
-- global index names it as well (one event, one place in the store) and grows with every event written: the rows
-- are now keyed by (generation, global_index), which also serves the trail's order (ix_audit_order is gone).
create table audit_entry_by_place (
    generation     integer      not null,
    event_id       varchar(255) not null,
    global_index   bigint       not null,
    series_id      varchar(255),
    holder_id      varchar(255),
    person_id      varchar(255),
    event_type     varchar(128) not null,
    effective_date date,
    recorded_at    timestamp    not null,
    recorded_by    varchar(255),
    command        varchar(128),
    correlation_id varchar(255),
    signed_in_by   varchar(32),
    request_id     varchar(64),
    primary key (generation, global_index)
);
insert into audit_entry_by_place (generation, event_id, global_index, series_id, holder_id, person_id, event_type,
                                  effective_date, recorded_at, recorded_by, command, correlation_id, signed_in_by,
                                  request_id)
select generation, event_id, global_index, series_id, holder_id, person_id, event_type, effective_date, recorded_at,
       recorded_by, command, correlation_id, signed_in_by, request_id
  from audit_entry;
drop table audit_entry;
alter table audit_entry_by_place rename to audit_entry;
create index ix_audit_series on audit_entry (generation, series_id, global_index);
create index ix_audit_holder on audit_entry (generation, holder_id, series_id, global_index);
create index ix_audit_person on audit_entry (generation, person_id, global_index);
create index ix_audit_effective on audit_entry (generation, effective_date);
