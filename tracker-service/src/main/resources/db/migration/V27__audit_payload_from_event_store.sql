-- The audit trail kept a copy of each event's payload as JSON: about 500 bytes per event again beside the
-- event store's own, written once more by every rebuild. An entry's payload is now read from the event store
-- by the event's identifier when a page of the trail is shown (upcast to the shape the code reads today).
alter table audit_entry drop column payload;

-- A person's holdings in one series, and the series' own facts (no holder), are found by this index: the as-of
-- holder view reads only their events instead of the series' whole stream.
drop index ix_audit_holder;
create index ix_audit_holder on audit_entry (generation, holder_id, series_id, global_index);
