-- Run once by the postgres image on an empty data directory: one database per service.
CREATE DATABASE jixiao_project;
CREATE DATABASE jixiao_indicator;
CREATE DATABASE jixiao_approval;
CREATE DATABASE jixiao_reporting;
