-- The indicator frameworks indicator-service published (FrameworkPublished), per scope: 'default' or a
-- budget year. Submissions are validated against them without calling indicator-service.
create table framework_in_force (
    scope       varchar(10) primary key,
    definition  text not null,
    received_at timestamptz not null
);
