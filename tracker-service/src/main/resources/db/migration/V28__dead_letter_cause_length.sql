-- A cause's message up to Axon's ThrowableCause.TRUNCATED_MESSAGE_SIZE (1,023 characters), as Axon's own
-- GenericDeadLetterTableFactory makes the column. At 255, an event whose failure had a longer message (a Jackson
-- parse error of 259 characters) could not be dead-lettered: the insert failed and the projection's work package
-- retried its batch without end instead of going on with the later events.
alter table DeadLetterEntry alter column causeMessage set data type varchar(1023);
