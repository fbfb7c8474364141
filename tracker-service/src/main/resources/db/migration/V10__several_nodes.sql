-- Several nodes on one database (issue 10).
-- A rebuild asked for on any node: every node running the projection lets go of it, one node resets the
-- tokens (taking the request in the same transaction), and every node resumes.
alter table projection_generation add column rebuild_requested_at varchar(64);
alter table projection_generation add column rebuild_request_head bigint;

-- Work that exactly one node may do at a time: the node doing it holds the row's lock for as long as it
-- works (select ... for update), and records when it was last done.
create table cluster_task (
    name          varchar(64)  not null primary key,
    last_done_on  date,
    last_done_by  varchar(255),
    last_done_at  varchar(64)
);
insert into cluster_task (name) values ('lapse-sweep');
