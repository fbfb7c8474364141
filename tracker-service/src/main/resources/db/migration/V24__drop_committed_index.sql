-- No longer written since V10 (a rebuild is complete when every segment's stored token has passed the
-- head of the store): the column only misled readers of the schema.
alter table projection_generation drop column committed_index;
