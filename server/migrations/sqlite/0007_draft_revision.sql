-- Each post of a page counts up a draft's revision. What JavaScript saves
-- while a page is being filled in names the revision the page was drawn
-- at, and is stored only if no post came in between: a save that arrives
-- late never overwrites what a later post stored (server/src/drafts.rs).
ALTER TABLE drafts ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
