package org.mmccycle.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.mmccycle.document.ComplianceSheet;
import org.mmccycle.process.CycleClock;
import org.mmccycle.process.CycleMonth;
import org.mmccycle.process.CycleVariables;
import org.mmccycle.responsibility.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Was every job of every client's cycle done by its deadline? For a month: each active client (and
 * each client that had a cycle that month) × execute, revise, publish, file, from Camunda's history:
 * the job's user task completed by its due date (on time), after it (late), not completed and past
 * its deadline or the month (missing), or not completed and still in time (open).
 *
 * <p>The queries run as the caller: Camunda's authorizations decide what history they may read.
 */
@Service
public class ComplianceReport {

  /** How a job stands. */
  public enum Status {
    ON_TIME("on time"), LATE("late"), MISSING("missing"), OPEN("open");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One client's job in the month. */
  public record Entry(String clientSlug, String clientName, Job job, Status status, Instant due, Instant completedAt, String completedBy) {}

  /** The month's report. */
  public record Compliance(String month, Instant generatedAt, List<Entry> entries) {

    public long count(Status status) {
      return entries.stream().filter(entry -> entry.status() == status).count();
    }
  }

  private record Client(String slug, String name) {}

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final HistoryService historyService;
  private final JdbcClient jdbc;
  private final CycleClock clock;

  public ComplianceReport(HistoryService historyService, JdbcClient jdbc, CycleClock clock) {
    this.historyService = historyService;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Compliance forMonth(YearMonth month) {
    String cycleMonth = CycleMonth.format(month);
    Instant now = clock.now();
    boolean monthOver = now.isAfter(clock.endOfDay(month, month.lengthOfMonth()).toInstant());

    Map<String, HistoricProcessInstance> cycles = new HashMap<>();
    for (HistoricProcessInstance cycle : historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CycleVariables.CLIENT_CYCLE_PROCESS).processInstanceBusinessKeyLike("%:" + cycleMonth).list()) {
      String slug = slugOf(cycle.getBusinessKey(), cycleMonth);
      // a cycle deleted and opened again: the latest counts
      cycles.merge(slug, cycle, (a, b) -> a.getStartTime().after(b.getStartTime()) ? a : b);
    }
    String[] cycleIds = cycles.values().stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, List<HistoricTaskInstance>> tasksByCycle = new HashMap<>();
    Map<String, Map<String, Instant>> deadlinesByCycle = new HashMap<>();
    if (cycleIds.length > 0) {
      for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
          .processDefinitionKey(CycleVariables.CLIENT_CYCLE_PROCESS).processInstanceBusinessKeyLike("%:" + cycleMonth).list()) {
        tasksByCycle.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>()).add(task);
      }
      for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(cycleIds)
          .variableNameIn("executionDeadline", "publicationDeadline", "filingDeadline").list()) {
        if (variable.getValue() instanceof Date date) {
          deadlinesByCycle.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), date.toInstant());
        }
      }
    }

    List<Entry> entries = new ArrayList<>();
    for (Client client : clients(cycleMonth)) {
      HistoricProcessInstance cycle = cycles.get(client.slug());
      List<HistoricTaskInstance> tasks = cycle == null ? List.of() : tasksByCycle.getOrDefault(cycle.getId(), List.of());
      Map<String, Instant> deadlines = cycle == null ? Map.of() : deadlinesByCycle.getOrDefault(cycle.getId(), Map.of());
      for (Job job : Job.monthly()) {
        entries.add(entry(client, job, tasks, deadlines, now, monthOver));
      }
    }
    return new Compliance(cycleMonth, now, entries);
  }

  private Entry entry(Client client, Job job, List<HistoricTaskInstance> tasks, Map<String, Instant> deadlines, Instant now, boolean monthOver) {
    List<HistoricTaskInstance> ofJob = tasks.stream()
        .filter(task -> job.taskDefinitionKey().equals(task.getTaskDefinitionKey()))
        .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime))
        .toList();
    HistoricTaskInstance completed = ofJob.stream()
        .filter(task -> task.getEndTime() != null && "completed".equals(task.getDeleteReason()))
        .reduce((first, second) -> second).orElse(null);
    Instant due = ofJob.stream().filter(task -> task.getDueDate() != null).map(task -> task.getDueDate().toInstant())
        .reduce((first, second) -> second).orElse(deadlines.get(job.deadlineVariable()));
    if (completed != null) {
      Instant at = completed.getEndTime().toInstant();
      Status status = due == null || !at.isAfter(due) ? Status.ON_TIME : Status.LATE;
      return new Entry(client.slug(), client.name(), job, status, due, at, completed.getAssignee());
    }
    boolean pastDeadline = due != null ? now.isAfter(due) : monthOver;
    return new Entry(client.slug(), client.name(), job, pastDeadline ? Status.MISSING : Status.OPEN, due, null, null);
  }

  /** The active clients and those that had a cycle in the month, by name. */
  private List<Client> clients(String cycleMonth) {
    return jdbc.sql("""
            select c.slug, c.name from mmc_client c
            where c.active = true
               or exists (select 1 from mmc_client_cycle cc where cc.client_slug = c.slug and cc.cycle_month = ?)
            order by c.name, c.slug""")
        .param(cycleMonth)
        .query((rs, n) -> new Client(rs.getString("slug"), rs.getString("name")))
        .list();
  }

  private static String slugOf(String businessKey, String cycleMonth) {
    return businessKey.substring(0, businessKey.length() - cycleMonth.length() - 1);
  }

  /** The report as CSV (RFC 4180, UTF-8), one line per client and job. */
  public String csv(Compliance report) {
    var csv = new StringBuilder("month,client,client_name,job,status,due,completed_at,completed_by\r\n");
    for (Entry entry : report.entries()) {
      csv.append(String.join(",", report.month(), field(entry.clientSlug()), field(entry.clientName()), entry.job().key(),
          entry.status().label(), time(entry.due()), time(entry.completedAt()), field(entry.completedBy()))).append("\r\n");
    }
    return csv.toString();
  }

  /** The report as the PDF template prints it. */
  public ComplianceSheet sheet(Compliance report) {
    return new ComplianceSheet(report.month(), report.generatedAt(), report.entries().stream()
        .map(entry -> new ComplianceSheet.Row(entry.clientName(), entry.clientSlug(), entry.job().label(), entry.status().label(),
            time(entry.due()), time(entry.completedAt()), entry.completedBy()))
        .toList());
  }

  private String time(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(clock.zone()));
  }

  private static String field(String value) {
    if (value == null) {
      return "";
    }
    // a leading = + - @ would be a formula in a spreadsheet
    String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
    return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
