-- Which people hold rights (as allottee or heir) in which series, so that a person's departure or
-- death loads only the series that concern them.
create table series_person (
    series_id varchar(255) not null,
    person_id varchar(255) not null,
    primary key (person_id, series_id)
);
