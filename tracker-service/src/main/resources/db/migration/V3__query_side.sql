-- The query side's tables. Each projection writes one generation of rows; reads use the active one,
-- so that a rebuild writes a new generation while queries keep answering from the old.
create table projection_generation (
    projection          varchar(64) not null primary key,
    active_generation   integer     not null,
    building_generation integer,
    rebuild_started_at  varchar(64),
    rebuild_head_index  bigint,
    -- the highest global index whose rows are committed, written in the projection's own transactions
    committed_index     bigint      not null default 0
);
insert into projection_generation (projection, active_generation) values ('register', 1);
insert into projection_generation (projection, active_generation) values ('audit', 1);

-- One document per series: the SeriesRegister folded from its events, as JSON.
create table series_view (
    generation        integer      not null,
    series_id         varchar(255) not null,
    issuer_id         varchar(255) not null,
    last_global_index bigint       not null,
    document          text         not null,
    primary key (generation, series_id)
);

-- One row per holding, for finding a person's holdings and the open windows without reading documents.
create table holding_view (
    generation        integer      not null,
    series_id         varchar(255) not null,
    holder_id         varchar(255) not null,
    current_holder_id varchar(255) not null,
    status            varchar(32)  not null,
    rights_held       bigint       not null,
    window_first_day  date,
    window_last_day   date,
    lapse_date        date,
    primary key (generation, series_id, holder_id)
);
create index ix_holding_view_holder on holding_view (generation, holder_id);
create index ix_holding_view_current_holder on holding_view (generation, current_holder_id);
create index ix_holding_view_window on holding_view (generation, window_last_day);

-- Every event with when it took effect, when and by whom it was recorded, and the command behind it.
create table audit_entry (
    generation     integer      not null,
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
    primary key (generation, global_index)
);
create index ix_audit_series on audit_entry (generation, series_id, global_index);
create index ix_audit_holder on audit_entry (generation, holder_id, global_index);
create index ix_audit_person on audit_entry (generation, person_id, global_index);
create index ix_audit_effective on audit_entry (generation, effective_date);
