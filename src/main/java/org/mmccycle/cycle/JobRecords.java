package org.mmccycle.cycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The cycles' jobs ({@code mmc_cycle_job}), one row per client, month and job, written by the engine's
 * listeners in the transaction of the step they record. Reports, metrics, the digest and the reminders
 * read it with plain SQL; Camunda's history can be cleaned up without losing any of it.
 */
@Repository
public class JobRecords {

  private static final String SELECT = "select j.*, coalesce(cc.client_name, c.name) client_name from mmc_cycle_job j "
      + "join mmc_client_cycle cc on cc.client_slug = j.client_slug and cc.cycle_month = j.cycle_month "
      + "join mmc_client c on c.slug = j.client_slug";

  private final JdbcClient jdbc;

  public JobRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The cycle's jobs started with these deadlines (a job without one is due by the end of the month): one insert for a new cycle. */
  public void scheduled(CycleRecord cycle, Map<Job, Instant> dues) {
    List<String> known = jdbc.sql("select job from mmc_cycle_job where client_slug = ? and cycle_month = ?")
        .params(cycle.clientSlug(), month(cycle)).query(String.class).list();
    List<Object> values = new ArrayList<>();
    StringBuilder rows = new StringBuilder();
    for (Job job : Job.ofCycle()) {
      if (known.contains(job.key())) {
        change(cycle, job, "due_at = ?", timestamp(dues.get(job)));
      } else {
        rows.append(rows.isEmpty() ? "" : ", ").append("(?, ?, ?, ?)");
        values.addAll(Arrays.asList(cycle.clientSlug(), month(cycle), job.key(), timestamp(dues.get(job))));
      }
    }
    if (!values.isEmpty()) {
      jdbc.sql("insert into mmc_cycle_job (client_slug, cycle_month, job, due_at) values " + rows).params(values).update();
    }
  }

  /** The job's task was created (again: a task created anew keeps the job's first start), with its due date if it has one. */
  public void taskCreated(CycleRecord cycle, Job job, Instant at, Instant due, String assignee, String candidateGroup) {
    // a job done before and open again (a revision sent back from Publish) is not done any more
    change(cycle, job, "task_open = true, done_at = null, done_by = null, task_started_at = coalesce(task_started_at, ?), assignee = ?, candidate_group = ?"
        + (due == null ? "" : ", due_at = ?"), due == null
        ? new Object[] {Timestamp.from(at), assignee, candidateGroup}
        : new Object[] {Timestamp.from(at), assignee, candidateGroup, Timestamp.from(due)});
  }

  public void taskAssigned(CycleRecord cycle, Job job, String assignee) {
    change(cycle, job, "assignee = ?", assignee);
  }

  /**
   * The job is done: by whom and when, and how long its task was open. {@code due} is the task's due date:
   * it fills in the job's, for a cycle that was running before job records were kept.
   */
  public void done(CycleRecord cycle, Job job, Instant at, String by, Instant due) {
    Instant started = column(cycle, job, "task_started_at");
    Long work = started == null ? null : Duration.between(started, at).toMillis();
    if (due == null) {
      change(cycle, job, "task_open = false, done_at = ?, done_by = ?, work_millis = ?", Timestamp.from(at), by, work);
    } else {
      change(cycle, job, "task_open = false, done_at = ?, done_by = ?, work_millis = ?, due_at = coalesce(due_at, ?)", Timestamp.from(at),
          by, work, Timestamp.from(due));
    }
  }

  /** The job's task went away without being done (its cycle was cancelled). */
  public void taskClosed(CycleRecord cycle, Job job) {
    change(cycle, job, "task_open = false");
  }

  /** The job's deadline passed with the job not done: its escalation (a Resolve overdue task) started. */
  public void overdue(CycleRecord cycle, Job job, Instant at, Instant escalationDue, String escalationGroup) {
    change(cycle, job, "overdue_at = coalesce(overdue_at, ?), escalation_open = true, escalation_due_at = ?, escalation_group = ?",
        Timestamp.from(at), timestamp(escalationDue), escalationGroup);
  }

  /** A service manager resolved the overdue job (the first resolution counts; a review after it only closes the escalation). */
  public void resolved(CycleRecord cycle, Job job, Instant at, String by, String resolution) {
    Instant overdueAt = column(cycle, job, "overdue_at");
    change(cycle, job, "escalation_open = false, resolved_at = coalesce(resolved_at, ?), resolved_by = coalesce(resolved_by, ?), "
            + "resolution = coalesce(resolution, ?), resolution_millis = coalesce(resolution_millis, ?)",
        Timestamp.from(at), by, resolution, overdueAt == null ? null : Duration.between(overdueAt, at).toMillis());
  }

  /** The escalation's task went away unresolved (its cycle was cancelled). */
  public void escalationClosed(CycleRecord cycle, Job job) {
    change(cycle, job, "escalation_open = false");
  }

  /** Marks the job reminded, if nobody did yet: true when this caller is the one to remind (one node of a cluster). */
  public boolean markReminded(String clientSlug, YearMonth month, Job job, Instant at) {
    return jdbc.sql("update mmc_cycle_job set reminded_at = ? where client_slug = ? and cycle_month = ? and job = ? and reminded_at is null")
        .params(Timestamp.from(at), clientSlug, CycleMonth.format(month), job.key()).update() == 1;
  }

  /** The jobs of the month's cycles. */
  public List<JobRecord> ofMonth(YearMonth month) {
    return jdbc.sql(SELECT + " where j.cycle_month = ? order by j.client_slug, j.job").param(CycleMonth.format(month))
        .query(JobRecords::row).list();
  }

  /** The jobs of one cycle. */
  public List<JobRecord> ofCycle(String clientSlug, YearMonth month) {
    return jdbc.sql(SELECT + " where j.client_slug = ? and j.cycle_month = ? order by j.job").params(clientSlug, CycleMonth.format(month))
        .query(JobRecords::row).list();
  }

  /** Jobs whose task or escalation is open and due before the moment given, the earliest first. */
  public List<JobRecord> openDueBefore(Instant until) {
    return jdbc.sql(SELECT + " where (j.task_open and j.due_at < ?) or (j.escalation_open and j.escalation_due_at < ?) "
            + "order by coalesce(j.escalation_due_at, j.due_at), j.client_slug, j.job")
        .params(Timestamp.from(until), Timestamp.from(until))
        .query(JobRecords::row).list();
  }

  /** Jobs of the compliance report whose task is open, due before the moment given and not reminded yet, the earliest first. */
  public List<JobRecord> notRemindedDueBefore(Instant until) {
    return jdbc.sql(SELECT + " where j.task_open and j.reminded_at is null and j.due_at < ? and j.job in ("
            + String.join(", ", Arrays.stream(Job.monthly()).map(job -> "'" + job.key() + "'").toList()) + ") "
            + "order by j.due_at, j.client_slug, j.job")
        .param(Timestamp.from(until))
        .query(JobRecords::row).list();
  }

  /** How many jobs have their task open; of those, how many past their due date. */
  public long openTasks(Job job) {
    return jdbc.sql("select count(*) from mmc_cycle_job where job = ? and task_open").param(job.key()).query(Long.class).single();
  }

  public long openEscalations(Job job) {
    return jdbc.sql("select count(*) from mmc_cycle_job where job = ? and escalation_open").param(job.key()).query(Long.class).single();
  }

  public long overdueTasks(Job job, Instant now) {
    return jdbc.sql("select count(*) from mmc_cycle_job where job = ? and task_open and due_at < ?")
        .params(job.key(), Timestamp.from(now)).query(Long.class).single();
  }

  public long overdueEscalations(Instant now) {
    return jdbc.sql("select count(*) from mmc_cycle_job where escalation_open and escalation_due_at < ?")
        .param(Timestamp.from(now)).query(Long.class).single();
  }

  /** Average milliseconds the job's task was open until done, over the jobs done since then; NaN when there are none. */
  public double averageWorkMillis(Job job, Instant since) {
    Double average = jdbc.sql("select avg(cast(work_millis as double precision)) from mmc_cycle_job where job = ? and done_at >= ?")
        .params(job.key(), Timestamp.from(since)).query(Double.class).single();
    return average == null ? Double.NaN : average;
  }

  /**
   * The job's times from its task's creation to its completion, in milliseconds, shortest first, over the
   * jobs done since then, and how many of those were done after their deadline.
   */
  public JobTimes timesSince(Job job, Instant since) {
    List<Long> work = jdbc.sql("select work_millis from mmc_cycle_job where job = ? and done_at >= ? and work_millis is not null "
        + "order by work_millis").params(job.key(), Timestamp.from(since)).query(Long.class).list();
    long late = jdbc.sql("select count(*) from mmc_cycle_job where job = ? and done_at >= ? and (overdue_at is not null or done_at > due_at)")
        .params(job.key(), Timestamp.from(since)).query(Long.class).single();
    return new JobTimes(work, late);
  }

  /** How long a job's tasks were open until done (shortest first), and how many were late. */
  public record JobTimes(List<Long> workMillis, long late) {

    /** The time within which this share (0–1) of the jobs were done, nearest rank; null when none was done. */
    public Long percentile(double share) {
      if (workMillis.isEmpty()) {
        return null;
      }
      int rank = (int) Math.ceil(share * workMillis.size());
      return workMillis.get(Math.max(0, Math.min(workMillis.size(), rank) - 1));
    }
  }

  /** Average milliseconds an overdue job took to resolve, over those resolved since then; NaN when there are none. */
  public double averageResolutionMillis(Instant since) {
    Double average = jdbc.sql("select avg(cast(resolution_millis as double precision)) from mmc_cycle_job where resolved_at >= ?")
        .param(Timestamp.from(since)).query(Double.class).single();
    return average == null ? Double.NaN : average;
  }

  /**
   * Sets columns of the job's row, making the row first if there is none: a cycle that was running
   * before job records existed gets its rows as its next steps happen.
   */
  private void change(CycleRecord cycle, Job job, String assignments, Object... values) {
    Object[] params = new Object[values.length + 3];
    System.arraycopy(values, 0, params, 0, values.length);
    params[values.length] = cycle.clientSlug();
    params[values.length + 1] = month(cycle);
    params[values.length + 2] = job.key();
    String update = "update mmc_cycle_job set " + assignments + " where client_slug = ? and cycle_month = ? and job = ?";
    if (jdbc.sql(update).params(params).update() == 0) {
      jdbc.sql("insert into mmc_cycle_job (client_slug, cycle_month, job) values (?, ?, ?)")
          .params(cycle.clientSlug(), month(cycle), job.key()).update();
      jdbc.sql(update).params(params).update();
    }
  }

  private Instant column(CycleRecord cycle, Job job, String column) {
    return jdbc.sql("select " + column + " from mmc_cycle_job where client_slug = ? and cycle_month = ? and job = ?")
        .params(cycle.clientSlug(), month(cycle), job.key())
        .query((rs, n) -> instant(rs, column)).list().stream().filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static String month(CycleRecord cycle) {
    return CycleMonth.format(cycle.month());
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static JobRecord row(ResultSet rs, int n) throws SQLException {
    return new JobRecord(rs.getString("client_slug"), rs.getString("client_name"), CycleMonth.parse(rs.getString("cycle_month")),
        Job.of(rs.getString("job")), instant(rs, "due_at"), rs.getBoolean("task_open"), instant(rs, "task_started_at"),
        rs.getString("assignee"), rs.getString("candidate_group"), instant(rs, "done_at"), rs.getString("done_by"),
        (Long) rs.getObject("work_millis", Long.class), instant(rs, "reminded_at"), instant(rs, "overdue_at"),
        rs.getBoolean("escalation_open"), instant(rs, "escalation_due_at"), rs.getString("escalation_group"), instant(rs, "resolved_at"),
        rs.getString("resolved_by"), rs.getString("resolution"), (Long) rs.getObject("resolution_millis", Long.class));
  }
}
