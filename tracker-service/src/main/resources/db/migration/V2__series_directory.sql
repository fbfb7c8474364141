-- Which series belong to which issuer: kept in the transaction that stores the events (command side).
create table series_directory (
    series_id varchar(255) not null primary key,
    issuer_id varchar(255) not null
);
create index ix_series_directory_issuer on series_directory (issuer_id);
