package org.mmccycle.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.Job;
import org.mmccycle.cycle.JobRecords;
import org.springframework.stereotype.Component;

/**
 * What the process owner watches (/actuator/prometheus), read from the cycles' job records at each scrape:
 *
 * <ul>
 *   <li>{@code mmc_cycle_open_tasks{stage="Task_ExecuteChecklist"}}: open tasks of the client cycles, per
 *       user task (each job's task, and each job's "Resolve overdue" task);
 *   <li>{@code mmc_tasks_overdue{job="execute"}}: open tasks past their due date, per job ({@code escalation}:
 *       the Resolve overdue tasks);
 *   <li>{@code mmc_job_duration_average_seconds{job="execute"}}: how long the job's task was open until it was
 *       done, on average over the jobs done in the last 90 days ({@code escalation}: from the deadline passing
 *       to its resolution).
 * </ul>
 */
@Component
public class CycleMetrics implements MeterBinder {

  public static final String OPEN_TASKS = "mmc.cycle.open.tasks";
  public static final String OVERDUE_TASKS = "mmc.tasks.overdue";
  public static final String JOB_DURATION = "mmc.job.duration.average";
  static final Duration DURATION_WINDOW = Duration.ofDays(90);

  private final JobRecords jobs;
  private final CycleCalendar calendar;

  public CycleMetrics(JobRecords jobs, CycleCalendar calendar) {
    this.jobs = jobs;
    this.calendar = calendar;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Job job : Job.ofCycle()) {
      openTasks(registry, job.taskDefinitionKey(), () -> openTasks(job));
    }
    for (Job job : Job.ofCycle()) {
      openTasks(registry, job.resolveTaskKey(), () -> jobs.openEscalations(job));
    }
    for (Job job : Job.values()) {
      Gauge.builder(OVERDUE_TASKS, () -> overdueTasks(job))
          .description("Open client cycle tasks past their due date, per job")
          .tag("job", job.key())
          .strongReference(true)
          .register(registry);
      TimeGauge.builder(JOB_DURATION, () -> averageDurationMillis(job), TimeUnit.MILLISECONDS)
          .description("Average time from a job's task being created to its completion, over the last 90 days")
          .tag("job", job.key())
          .strongReference(true)
          .register(registry);
    }
  }

  private static void openTasks(MeterRegistry registry, String stage, Supplier<Number> count) {
    Gauge.builder(OPEN_TASKS, count)
        .description("Open tasks of the client maintenance cycles, per user task")
        .tag("stage", stage)
        .strongReference(true)
        .register(registry);
  }

  /** Open tasks of the job ({@code escalation}: open Resolve overdue tasks of every job). */
  public long openTasks(Job job) {
    if (job == Job.ESCALATION) {
      long open = 0;
      for (Job each : Job.ofCycle()) {
        open += jobs.openEscalations(each);
      }
      return open;
    }
    return jobs.openTasks(job);
  }

  public long overdueTasks(Job job) {
    return job == Job.ESCALATION ? jobs.overdueEscalations(calendar.now()) : jobs.overdueTasks(job, calendar.now());
  }

  /** Average milliseconds of the job's tasks done in the last 90 days; NaN when there are none. */
  public double averageDurationMillis(Job job) {
    var since = calendar.now().minus(DURATION_WINDOW);
    return job == Job.ESCALATION ? jobs.averageResolutionMillis(since) : jobs.averageWorkMillis(job, since);
  }
}
