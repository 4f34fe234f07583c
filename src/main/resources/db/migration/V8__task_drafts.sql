-- What someone has entered in a task's form so far, saved on the server as they work (issue 19): restored
-- on reload, on another device and after a restart; removed when the task is completed or goes away.
-- One draft per task: whoever may work on the task continues it. Never evidence: the filed record is
-- made from the completed task.
create table mmc_task_draft (
  task_id    varchar(64)      not null primary key,
  saved_by   varchar(64)      not null,
  saved_at   timestamp        not null,
  body       varchar(1000000) not null
);
