package org.mmccycle.engine;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Jobs whose execution is gone: what H2 can leave behind after the process was killed while cycles
 * were being prepared (docs/operations.md, "Known H2 defect under kill -9"). Such a job can only fail
 * ("Cannot find execution") and end as an incident that does not say why; at start-up each one is
 * named in the log with its cycle and the repair.
 */
@Component
public class StrandedJobs {

  private static final Logger LOG = LoggerFactory.getLogger(StrandedJobs.class);
  private static final int LOGGED = 20;

  /** A job and the cycle (business key, if its history still has it) whose execution row is missing. */
  public record StrandedJob(String jobId, String activityId, String processInstanceId, String businessKey) {}

  private final JdbcClient jdbc;

  public StrandedJobs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<StrandedJob> find() {
    return jdbc.sql("""
        select j.ID_, d.ACT_ID_, j.PROCESS_INSTANCE_ID_, h.BUSINESS_KEY_ from ACT_RU_JOB j
        left join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_
        left join ACT_HI_PROCINST h on h.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_
        where j.EXECUTION_ID_ is not null and not exists (select 1 from ACT_RU_EXECUTION e where e.ID_ = j.EXECUTION_ID_)
        order by j.ID_""")
        .query((rs, n) -> new StrandedJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** Logs every stranded job (the first 20, and how many more) as an error; the number found. */
  public int report() {
    List<StrandedJob> stranded = find();
    stranded.stream().limit(LOGGED).forEach(job -> LOG.error(
        "Job {} ({}) of cycle {} has lost its process instance {}: the database dropped its execution row "
            + "(H2 after the process was killed). The job can only fail. Repair: DELETE /engine-rest/job/{}, delete the "
            + "cycle's row in mmc_client_cycle, open the month again (docs/operations.md, \"Known H2 defect under kill -9\").",
        job.jobId(), job.activityId(), job.businessKey(), job.processInstanceId(), job.jobId()));
    if (stranded.size() > LOGGED) {
      LOG.error("{} more jobs have lost their process instance (StrandedJobs.find lists them all)", stranded.size() - LOGGED);
    }
    return stranded.size();
  }
}
