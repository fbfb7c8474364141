-- RULES.md 13 (views as of today). Each stored register document now says in which shape it was written
-- (format_version; documents written before this column read as 1) and the latest effective date of the
-- holder facts folded into it (last_fact_date). A document of another shape than the code writes is not
-- trusted: the views fold the series from its events, and the service re-folds the register projection
-- at start-up. A document holding a fact dated after today cannot answer for today either: today's views
-- of that series are folded from the events as of today.
alter table series_view add column format_version integer default 1 not null;
alter table series_view add column last_fact_date date;
create index ix_series_view_last_fact on series_view (generation, last_fact_date);
