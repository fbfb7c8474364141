-- The list of series (GET /series, the Today page) read and deserialized every series' whole register
-- document to total it: about 15 s at 90 series and a million events. The register projection now also
-- stores each series' totals beside its document, as read on settled_from, the first day from which they
-- no longer change with the date alone (the latest holder fact, a restructuring, a change of shares per
-- right). The list reads these columns for every series whose settled_from is today or earlier and folds
-- the others as before. Rows written before this migration have no totals (allotted is null) and are
-- folded until their series' next event or a rebuild writes them.
alter table series_view add column series_name varchar(1000);
alter table series_view add column allotted bigint;
alter table series_view add column outstanding bigint;
alter table series_view add column exercised bigint;
alter table series_view add column lapsed bigint;
alter table series_view add column acquired bigint;
alter table series_view add column shares_per_right bigint;
alter table series_view add column replaced_by varchar(1000);
alter table series_view add column settled_from date;
