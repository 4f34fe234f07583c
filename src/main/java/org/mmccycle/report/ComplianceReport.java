package org.mmccycle.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.CycleMonth;
import org.mmccycle.cycle.Job;
import org.mmccycle.cycle.JobRecord;
import org.mmccycle.cycle.JobRecords;
import org.mmccycle.cycle.JobStatus;
import org.mmccycle.document.ComplianceSheet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Was every job of every client's cycle done by its deadline? For a month: each active client (and
 * each client that had a cycle that month) × execute, revise, publish, file, from the cycles' job
 * records ({@link JobRecords}): done by its due date (on time), after it (late), not done and past its
 * deadline or the month (missing), or not done and still in time (open); and for a job whose deadline
 * passed, what the service managers did about it. Camunda's history is not read: cleaning it up
 * changes nothing here.
 */
@Service
public class ComplianceReport {

  /** One client's job in the month. */
  public record Entry(String clientSlug, String clientName, Job job, JobStatus status, Instant due, Instant completedAt,
      String completedBy, Instant overdueAt, Instant resolvedAt, String resolvedBy, String resolution) {}

  /** The month's report. */
  public record Compliance(String month, Instant generatedAt, List<Entry> entries) {

    public long count(JobStatus status) {
      return entries.stream().filter(entry -> entry.status() == status).count();
    }
  }

  private record Client(String slug, String name) {}

  private record Key(String clientSlug, Job job) {}

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final JobRecords jobs;
  private final JdbcClient jdbc;
  private final CycleCalendar calendar;

  public ComplianceReport(JobRecords jobs, JdbcClient jdbc, CycleCalendar calendar) {
    this.jobs = jobs;
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  public Compliance forMonth(YearMonth month) {
    Instant now = calendar.now();
    Instant endOfMonth = calendar.endOfDay(month, month.lengthOfMonth()).toInstant();
    Map<Key, JobRecord> records = new HashMap<>();
    for (JobRecord record : jobs.ofMonth(month)) {
      records.put(new Key(record.clientSlug(), record.job()), record);
    }
    List<Entry> entries = new ArrayList<>();
    for (Client client : clients(month)) {
      for (Job job : Job.monthly()) {
        JobRecord record = records.get(new Key(client.slug(), job));
        entries.add(record == null
            ? new Entry(client.slug(), client.name(), job, JobStatus.of(null, null, now, endOfMonth), null, null, null, null, null, null, null)
            : new Entry(client.slug(), client.name(), job, record.status(now, endOfMonth), record.due(), record.doneAt(), record.doneBy(),
                record.overdueAt(), record.resolvedAt(), record.resolvedBy(), record.resolution()));
      }
    }
    return new Compliance(CycleMonth.format(month), now, entries);
  }

  /** The active clients and those that had a cycle in the month, by name; a cycle's name is the one it was opened with. */
  private List<Client> clients(YearMonth month) {
    return jdbc.sql("""
            select c.slug, coalesce(cc.client_name, c.name) name from mmc_client c
            left join mmc_client_cycle cc on cc.client_slug = c.slug and cc.cycle_month = ?
            where c.active = true or cc.client_slug is not null
            order by coalesce(cc.client_name, c.name), c.slug""")
        .param(CycleMonth.format(month))
        .query((rs, n) -> new Client(rs.getString("slug"), rs.getString("name")))
        .list();
  }

  /** The report as CSV (RFC 4180, UTF-8), one line per client and job. */
  public String csv(Compliance report) {
    var csv = new StringBuilder("month,client,client_name,job,status,due,completed_at,completed_by,overdue_at,resolved_at,resolved_by,"
        + "resolution\r\n");
    for (Entry entry : report.entries()) {
      csv.append(String.join(",", report.month(), field(entry.clientSlug()), field(entry.clientName()), entry.job().key(),
          entry.status().label(), time(entry.due()), time(entry.completedAt()), field(entry.completedBy()), time(entry.overdueAt()),
          time(entry.resolvedAt()), field(entry.resolvedBy()), field(entry.resolution()))).append("\r\n");
    }
    return csv.toString();
  }

  /** The report as the PDF template prints it. */
  public ComplianceSheet sheet(Compliance report) {
    return new ComplianceSheet(report.month(), report.generatedAt(), report.entries().stream()
        .map(entry -> new ComplianceSheet.Row(entry.clientName(), entry.clientSlug(), entry.job().label(), entry.status().label(),
            time(entry.due()), time(entry.completedAt()), entry.completedBy(), resolution(entry)))
        .toList());
  }

  /** "resolved by sam at 2026-11-21 10:00: visit moved to the 24th", or "not resolved yet", or "" when never overdue. */
  private String resolution(Entry entry) {
    if (entry.overdueAt() == null) {
      return "";
    }
    if (entry.resolvedAt() == null) {
      return "deadline passed " + time(entry.overdueAt()) + ", not resolved yet";
    }
    return "resolved by " + entry.resolvedBy() + " at " + time(entry.resolvedAt())
        + (entry.resolution() == null ? "" : ": " + entry.resolution());
  }

  private String time(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(calendar.zone()));
  }

  private static String field(String value) {
    if (value == null) {
      return "";
    }
    // a leading = + - @ would be a formula in a spreadsheet
    String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
    return safe.matches("(?s).*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
