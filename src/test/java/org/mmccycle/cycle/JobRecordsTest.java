package org.mmccycle.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.client.ContractClient;
import org.springframework.beans.factory.annotation.Autowired;

/** The cycle's job records as the engine's listeners write them, through whole cycles: on time, and every deadline missed. */
class JobRecordsTest extends MmcSpringBootTest {

  private static final String RESOLUTION = "Called the technician; visit rescheduled";

  private static final YearMonth LATE_MONTH = YearMonth.of(2033, 2);

  @Autowired JobRecords jobs;

  private ContractClient late;

  @Test
  void aCycleDoneOnTimeRecordsWhoDidEachJobAndWhenAndNothingOverdue() {
    ContractClient client = fixture.activeClient("On Time Opticians");
    YearMonth month = YearMonth.of(2033, 1);
    Instant opened = fixture.clockAt(LocalDateTime.of(2033, 1, 3, 8, 0)).toInstant();
    String cycle = fixture.openCycle(client, month).processInstanceId();
    fixture.scheduleVisit(cycle, "tina");
    Instant worked = fixture.clockAt(LocalDateTime.of(2033, 1, 10, 9, 0)).toInstant();
    fixture.executeChecklist(cycle, "tina");
    fixture.reviseChecklist(cycle, "tina", false);
    fixture.publishChecklist(cycle, "sam");
    fixture.fileRecord(cycle, "tom");
    fixture.executeDueJobs(cycle);

    Map<Job, JobRecord> records = byJob(client, month);

    assertThat(records).containsOnlyKeys(Job.ofCycle());
    assertThat(records.get(Job.SCHEDULE).due()).isEqualTo(fixture.endOfDay(month, 5).toInstant());
    assertThat(records.get(Job.EXECUTE).due()).isEqualTo(fixture.endOfDay(month, 20).toInstant());
    assertThat(records.get(Job.REVISE).due()).isEqualTo(fixture.endOfDay(month, 25).toInstant());
    assertThat(records.get(Job.PUBLISH).due()).isEqualTo(fixture.endOfDay(month, 25).toInstant());
    assertThat(records.get(Job.FILE).due()).isEqualTo(fixture.endOfDay(month, 31).toInstant());
    assertThat(records.get(Job.SCHEDULE).doneAt()).isEqualTo(opened);
    assertThat(records.get(Job.EXECUTE).doneAt()).isEqualTo(worked);
    assertThat(records.get(Job.EXECUTE).workMillis()).isEqualTo(Duration.between(opened, worked).toMillis());
    assertThat(records.get(Job.PUBLISH).doneBy()).isEqualTo("sam");
    assertThat(records.get(Job.FILE).doneBy()).isEqualTo("tom");
    assertThat(records.values()).allSatisfy(record -> {
      assertThat(record.clientName()).isEqualTo("On Time Opticians");
      assertThat(record.status(worked, worked)).isEqualTo(JobStatus.ON_TIME);
      assertThat(record.taskOpen()).isFalse();
      assertThat(record.overdueAt()).isNull();
      assertThat(record.escalationOpen()).isFalse();
    });
  }

  @Test
  void aCycleThatMissesEveryDeadlineRecordsEachOverdueJobAndWhatWasDoneAboutIt() {
    ContractClient client = late = fixture.activeClient("Always Late Bakery");
    YearMonth month = LATE_MONTH;
    fixture.clockAt(LocalDateTime.of(2033, 2, 1, 8, 0));
    String cycle = fixture.openCycle(client, month).processInstanceId();

    Instant schedulingOverdue = missDeadline(cycle, LocalDateTime.of(2033, 2, 6, 0, 0, 1), "Timer_SchedulingDeadline", "Scheduling");
    assertThat(byJob(client, month).get(Job.SCHEDULE).escalationOpen()).isFalse();
    fixture.complete(cycle, "Task_ScheduleVisit", "tina", Map.of("visitDate", "2033-02-15"));
    missDeadline(cycle, LocalDateTime.of(2033, 2, 21, 0, 0, 1), "Timer_ExecutionDeadline", "Execution");
    fixture.executeChecklist(cycle, "tina");
    missDeadline(cycle, LocalDateTime.of(2033, 2, 26, 0, 0, 1), "Timer_RevisionDeadline", "Revision");
    fixture.reviseChecklist(cycle, "tina", false);
    missDeadline(cycle, LocalDateTime.of(2033, 2, 26, 0, 0, 2), "Timer_PublicationDeadline", "Publication");
    fixture.publishChecklist(cycle, "sam");
    fixture.executeDueJobs(cycle);
    missDeadline(cycle, LocalDateTime.of(2033, 3, 1, 0, 0, 1), "Timer_FilingDeadline", "Filing");
    Instant filed = fixture.clockAt(LocalDateTime.of(2033, 3, 1, 9, 0)).toInstant();
    fixture.fileRecord(cycle, "tina");
    fixture.executeDueJobs(cycle);

    Map<Job, JobRecord> records = byJob(client, month);

    assertThat(records).containsOnlyKeys(Job.ofCycle());
    assertThat(records.values()).allSatisfy(record -> {
      assertThat(record.status(filed, filed)).as(record.job().key()).isEqualTo(JobStatus.LATE);
      assertThat(record.overdueAt()).as(record.job().key()).isNotNull().isAfter(record.due());
      assertThat(record.resolvedBy()).isEqualTo("sam");
      assertThat(record.resolution()).isEqualTo(RESOLUTION);
      assertThat(record.escalationOpen()).isFalse();
      assertThat(record.taskOpen()).isFalse();
      assertThat(record.doneAt()).isAfter(record.overdueAt());
    });
    assertThat(records.get(Job.SCHEDULE).overdueAt()).isEqualTo(schedulingOverdue);
    assertThat(records.get(Job.SCHEDULE).escalationGroup()).isEqualTo("process-owners");
    assertThat(records.get(Job.EXECUTE).escalationGroup()).isEqualTo("service-managers");
    assertThat(records.get(Job.FILE).doneAt()).isEqualTo(filed);
  }

  /** The deadline passes (its timer fires at that moment) and a service manager resolves the escalation an hour later. */
  private Instant missDeadline(String cycle, LocalDateTime at, String timer, String what) {
    Instant overdue = fixture.clockAt(at).toInstant();
    fixture.fireTimer(cycle, timer);
    Job job = Job.overdueOf("Task_ResolveOverdue" + what).orElseThrow();
    assertThat(byJob(late, LATE_MONTH).get(job).escalationOpen()).as(what + " escalation open").isTrue();
    fixture.clockAt(at.plusHours(1));
    fixture.resolveOverdue(cycle, "Task_ResolveOverdue" + what, "sam");
    return overdue;
  }

  private Map<Job, JobRecord> byJob(ContractClient client, YearMonth month) {
    Map<Job, JobRecord> records = new EnumMap<>(Job.class);
    jobs.ofCycle(client.slug(), month).forEach(record -> records.put(record.job(), record));
    return records;
  }
}
