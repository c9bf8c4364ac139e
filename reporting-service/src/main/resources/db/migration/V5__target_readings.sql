-- What indicator-service's grammar read from each target of a revision (IndicatorCheckCompleted.readings),
-- for the meanings open-data.json publishes beside each 指标值. Null for checks from older producers.
alter table report_findings add column readings text;
