-- Axon's JDBC dead-letter queue for the pooled projections (DeadLetterSchema's default names): an event
-- that a projection fails on waits here with its cause, while later events go on to the views.
-- The same shape as Axon's GenericDeadLetterTableFactory, with bytea for portability to PostgreSQL.
create table DeadLetterEntry (
    deadLetterIdentifier varchar(255) not null,
    processingGroup      varchar(255) not null,
    sequenceIdentifier   varchar(255) not null,
    sequenceIndex        bigint       not null,
    messageType          varchar(255) not null,
    eventIdentifier      varchar(255) not null,
    timestamp            varchar(255) not null,
    payloadType          varchar(255) not null,
    payloadRevision      varchar(255),
    payload              bytea        not null,
    metaData             bytea,
    type                 varchar(255),
    aggregateIdentifier  varchar(255),
    sequenceNumber       bigint,
    tokenType            varchar(255),
    token                bytea,
    enqueuedAt           varchar(255) not null,
    lastTouched          varchar(255),
    processingStarted    varchar(255),
    causeType            varchar(255),
    causeMessage         varchar(255),
    diagnostics          bytea,
    constraint pk_dead_letter primary key (deadLetterIdentifier),
    constraint uq_dead_letter_sequence_index unique (processingGroup, sequenceIdentifier, sequenceIndex)
);
create index ix_dead_letter_group on DeadLetterEntry (processingGroup);
create index ix_dead_letter_sequence on DeadLetterEntry (processingGroup, sequenceIdentifier);
