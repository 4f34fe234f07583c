package org.mmccycle.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.mmccycle.process.CycleClock;
import org.mmccycle.process.CycleVariables;
import org.mmccycle.responsibility.Job;
import org.mmccycle.responsibility.WithoutAuthorization;
import org.springframework.stereotype.Component;

/**
 * What the process owner watches (/actuator/prometheus), read from the engine at each scrape:
 *
 * <ul>
 *   <li>{@code mmc_cycle_open_tasks{stage="Task_ExecuteChecklist"}}: open tasks of the client cycles, per user task;
 *   <li>{@code mmc_tasks_overdue{job="execute"}}: open tasks past their due date, per job;
 *   <li>{@code mmc_job_duration_average_seconds{job="execute"}}: how long the job's tasks took from creation
 *       to completion, on average over the tasks completed in the last 90 days.
 * </ul>
 */
@Component
public class CycleMetrics implements MeterBinder {

  public static final String OPEN_TASKS = "mmc.cycle.open.tasks";
  public static final String OVERDUE_TASKS = "mmc.tasks.overdue";
  public static final String JOB_DURATION = "mmc.job.duration.average";
  static final Duration DURATION_WINDOW = Duration.ofDays(90);

  /** The user tasks of the client cycle model, each a stage a cycle can wait in. */
  public static final List<String> STAGES = List.of("Task_ScheduleVisit", "Task_ExecuteChecklist", "Task_ReviseChecklist",
      "Task_PublishChecklist", "Task_FileRecord", "Task_ResolveOverdueScheduling", "Task_ResolveOverdueExecution",
      "Task_ResolveOverdueRevision", "Task_ResolveOverduePublication", "Task_ResolveOverdueFiling");

  private final ProcessEngine engine;
  private final CycleClock clock;

  public CycleMetrics(ProcessEngine engine, CycleClock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String stage : STAGES) {
      Gauge.builder(OPEN_TASKS, () -> openTasks(stage))
          .description("Open tasks of the client maintenance cycles, per user task")
          .tag("stage", stage)
          .strongReference(true)
          .register(registry);
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

  public long openTasks(String stage) {
    return WithoutAuthorization.call(engine, () -> engine.getTaskService().createTaskQuery()
        .processDefinitionKey(CycleVariables.CLIENT_CYCLE_PROCESS).taskDefinitionKey(stage).count());
  }

  public long overdueTasks(Job job) {
    Date now = Date.from(clock.now());
    return WithoutAuthorization.call(engine, () -> engine.getTaskService().createTaskQuery()
        .processDefinitionKey(CycleVariables.CLIENT_CYCLE_PROCESS).taskDefinitionKeyIn(stagesOf(job)).dueBefore(now).count());
  }

  /** Average milliseconds of the job's tasks completed in the last 90 days; NaN when there are none. */
  public double averageDurationMillis(Job job) {
    Date since = Date.from(clock.now().minus(DURATION_WINDOW));
    List<HistoricTaskInstance> done = WithoutAuthorization.call(engine, () -> engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processDefinitionKey(CycleVariables.CLIENT_CYCLE_PROCESS).taskDefinitionKeyIn(stagesOf(job))
        .finished().finishedAfter(since).list());
    OptionalDouble average = done.stream().filter(task -> task.getDurationInMillis() != null)
        .mapToLong(HistoricTaskInstance::getDurationInMillis).average();
    return average.orElse(Double.NaN);
  }

  private static String[] stagesOf(Job job) {
    return STAGES.stream().filter(stage -> Job.ofTask(stage).orElse(null) == job).toArray(String[]::new);
  }
}
