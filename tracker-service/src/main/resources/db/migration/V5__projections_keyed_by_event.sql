-- The audit trail was keyed by the tracking token's position, which for an event committed after a
-- later-numbered one is the highest index seen, not the event's own: two events could share a key and
-- one was dropped. Rows are now keyed by the event's identifier and carry its own global index. The
-- table is a projection: it is recreated empty and its processor starts again from the first event.
drop table audit_entry;

create table audit_entry (
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
    payload        text         not null,
    primary key (generation, event_id)
);
create index ix_audit_order on audit_entry (generation, global_index);
create index ix_audit_series on audit_entry (generation, series_id, global_index);
create index ix_audit_holder on audit_entry (generation, holder_id, global_index);
create index ix_audit_person on audit_entry (generation, person_id, global_index);
create index ix_audit_effective on audit_entry (generation, effective_date);

update projection_generation
   set active_generation = 1, building_generation = null, rebuild_started_at = null, rebuild_head_index = null,
       committed_index = 0
 where projection = 'audit';
delete from TokenEntry where processorName = 'audit';

-- The register skipped replayed events by the same token position; it now keeps the series' version (the
-- aggregate sequence number of the last event folded), which is the event's own. Refolded from the first event.
drop table series_view;
create table series_view (
    generation integer      not null,
    series_id  varchar(255) not null,
    issuer_id  varchar(255) not null,
    version    bigint       not null,
    document   text         not null,
    primary key (generation, series_id)
);
delete from holding_view;

update projection_generation
   set active_generation = 1, building_generation = null, rebuild_started_at = null, rebuild_head_index = null,
       committed_index = 0
 where projection = 'register';
delete from TokenEntry where processorName = 'register';
