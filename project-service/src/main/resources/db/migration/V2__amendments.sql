-- 调整: the reason of an amendment in progress (kept through returns until it is approved).
alter table project add column amendment_reason text;
