-- Responsibility routing (processes/responsibility.dmn): a client's service tier and, optionally, its region.
alter table mmc_client add column tier varchar(32) default 'standard' not null;
alter table mmc_client add column region varchar(64);
