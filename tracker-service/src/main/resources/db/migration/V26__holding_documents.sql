-- The register projection stored each series as one JSON document holding every holding: 2.2 MB for a series
-- of 400 holders and 10,000 events, rewritten whole by every batch, though a command changes one or two
-- holdings. Each holding's record now has its own document in its row (document), in the order the series
-- lists its holdings (holding_order); the series' document keeps the rest, a few kilobytes. A batch writes
-- the series' document and the rows of the holdings it changed. Documents written before (format 5) hold
-- their holdings inside: the service re-folds the register projection at start-up, as for any older format.
alter table holding_view add column document text;
alter table holding_view add column holding_order integer;
