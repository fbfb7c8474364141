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

-- The nodes that are up: each writes its row every few seconds (the database's clock, so the nodes' clocks
-- need not agree) and deletes it when it stops. A node keeping the projections holds no more than its share
-- of their segments among the query nodes seen lately, so that the segments spread over the nodes.
create table tracker_node (
    node_id    varchar(255) not null primary key,
    roles      varchar(64)  not null,
    started_at varchar(64)  not null,
    seen_at    timestamp with time zone not null
);

-- projection_generation.committed_index is no longer written: a rebuild is complete when every segment's
-- stored token has reached its head (Axon stores it in the transaction that writes the batch's rows).
