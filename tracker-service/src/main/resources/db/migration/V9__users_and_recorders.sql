-- Users of the tracker's own database: Spring Security's standard schema (JdbcUserDetailsManager).
create table users (
    username varchar(64)  not null primary key,
    password varchar(500) not null,
    enabled  boolean      not null
);

create table authorities (
    username  varchar(64) not null,
    authority varchar(64) not null,
    constraint fk_authorities_users foreign key (username) references users (username)
);
create unique index ix_auth_username on authorities (username, authority);

-- How the recorder signed in, and the HTTP request that recorded the fact.
alter table audit_entry add column signed_in_by varchar(32);
alter table audit_entry add column request_id varchar(64);
