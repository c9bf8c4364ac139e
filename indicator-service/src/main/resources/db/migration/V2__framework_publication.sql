-- What has been published as FrameworkPublished, per scope ('default' or a budget year), so that a
-- restart publishes only what changed.
create table framework_publication (
    scope          varchar(10) primary key,
    framework_code varchar(40) not null,
    version        integer not null,
    published_at   timestamptz not null
);
