package org.mmccycle.metrics;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.Job;
import org.mmccycle.cycle.JobRecords;
import org.springframework.stereotype.Component;

/**
 * Where the monthly cycle waits, per job, read from the job records (not from the engine's history, so
 * history cleanup does not erase it): how long the job's task is open until done (median and 90th
 * percentile) over recent months, how many were done late, and how many are open and overdue now. The
 * process owner reads it on Cockpit's dashboard and on the cycle's diagram (scripts/mmc-bottlenecks.js).
 */
@Component
public class Bottlenecks {

  /** One job of the cycle: its task in the model, and its figures. */
  public record JobFigures(String job, String label, String taskDefinitionKey, int done, Long medianMillis, Long p90Millis,
      long late, long openNow, long overdueNow) {}

  /** The figures of every job of the cycle, over the jobs done since the first day of {@code from}. */
  public record Report(String from, Instant generatedAt, List<JobFigures> jobs) {}

  private final JobRecords records;
  private final CycleCalendar calendar;
  private final CycleMetrics metrics;

  public Bottlenecks(JobRecords records, CycleCalendar calendar, CycleMetrics metrics) {
    this.records = records;
    this.calendar = calendar;
    this.metrics = metrics;
  }

  /** Over the last {@code months} months, this one included. */
  public Report lastMonths(int months) {
    if (months < 1 || months > 36) {
      throw new IllegalArgumentException("months: from 1 to 36, not " + months);
    }
    var from = calendar.currentMonth().minusMonths(months - 1L);
    Instant since = from.atDay(1).atStartOfDay(calendar.zone()).toInstant();
    List<JobFigures> jobs = Arrays.stream(Job.ofCycle()).map(job -> {
      JobRecords.JobTimes times = records.timesSince(job, since);
      return new JobFigures(job.key(), job.label(), job.taskDefinitionKey(), times.workMillis().size(), times.percentile(0.5),
          times.percentile(0.9), times.late(), metrics.openTasks(job), metrics.overdueTasks(job));
    }).toList();
    return new Report(from.toString(), calendar.now(), jobs);
  }
}
