package org.mmccycle.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.mmccycle.cycle.CycleCalendar;
import org.springframework.stereotype.Service;

/**
 * The mails of MMC Cycle, written to the {@link MailOutbox} in the caller's transaction and sent by
 * {@link OutboxSender} after it commits: new work (one mail per person for all the tasks that came
 * in together, such as a month's opening), a reminder before a deadline, an overdue job to its
 * escalation group, and the service managers' weekly digest. Recipients are the firm's users with an
 * e-mail address. With {@code mmc.mail.enabled=false} (the default) nothing is written or sent.
 */
@Service
public class MmcMailer {

  /** One line of the digest: a task still open, and how it stands. */
  public record DigestLine(TaskNotice task, boolean overdue) {}

  static final String PREFIX = "[MMC] ";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

  private final MailSettings settings;
  private final Recipients recipients;
  private final MailOutbox outbox;
  private final CycleCalendar calendar;
  private final Reminders reminders;

  public MmcMailer(MailSettings settings, Recipients recipients, MailOutbox outbox, CycleCalendar calendar, Reminders reminders) {
    this.settings = settings;
    this.recipients = recipients;
    this.outbox = outbox;
    this.calendar = calendar;
    this.reminders = reminders;
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /**
   * New work: a task assigned to a person goes on that person's list, an unassigned one on the list of
   * every member of its candidate groups. Each person's list goes out as one mail.
   */
  public void newWork(TaskNotice task) {
    if (!settings.enabled()) {
      return;
    }
    Set<String> to = whoWorksOn(task);
    String line = newWorkLine(task);
    Instant now = calendar.now();
    for (String address : to) {
      outbox.addNewWork(address, line, now);
    }
  }

  /** A reminder before the deadline, to whoever works on the task. */
  public void reminder(TaskNotice task) {
    if (!settings.enabled()) {
      return;
    }
    post(whoWorksOn(task), "Reminder: " + describe(task),
        "A reminder: this task is still open.\n\n" + details(task) + "\nOpen it in Tasklist: " + settings.tasklistUrl() + "\n");
  }

  /** A job whose deadline passed: to every member of the escalation group, with each of its tasks still open. */
  public void escalation(String job, String clientName, List<TaskNotice> stillOpen, List<String> escalationGroups) {
    if (!settings.enabled()) {
      return;
    }
    Date due = stillOpen.stream().map(TaskNotice::due).filter(d -> d != null).findFirst().orElse(null);
    String subject = "Overdue: " + job + " for " + clientName + (due == null ? "" : " was due " + day(due));
    var body = new StringBuilder("The deadline passed and this job is not done:\n\n");
    stillOpen.forEach(task -> body.append(details(task)).append('\n'));
    if (stillOpen.isEmpty()) {
      body.append("  ").append(job).append(" for ").append(clientName).append("\n\n");
    }
    body.append("A \"Resolve overdue\" task waits for ").append(String.join(", ", escalationGroups)).append(" in Tasklist: ")
        .append(settings.tasklistUrl()).append('\n');
    post(recipients.ofGroups(escalationGroups), subject, body.toString());
  }

  /** The weekly digest: to every member of the group, the overdue tasks and those due in the next days. */
  public void digest(String group, List<DigestLine> lines) {
    if (!settings.enabled()) {
      return;
    }
    List<DigestLine> overdue = lines.stream().filter(DigestLine::overdue).toList();
    List<DigestLine> due = lines.stream().filter(line -> !line.overdue()).toList();
    String until = day(Date.from(calendar.now().plus(Duration.ofDays(settings.digestDays()))));
    var body = new StringBuilder("Your weekly digest of the maintenance cycles.\n\n");
    body.append("Overdue (").append(overdue.size()).append("):\n");
    overdue.forEach(line -> body.append(digestLine(line.task())));
    if (overdue.isEmpty()) {
      body.append("  nothing is overdue\n");
    }
    body.append("\nDue by ").append(until).append(" (").append(due.size()).append("):\n");
    due.forEach(line -> body.append(digestLine(line.task())));
    if (due.isEmpty()) {
      body.append("  nothing is due\n");
    }
    body.append("\nTasklist: ").append(settings.tasklistUrl()).append('\n');
    post(recipients.ofGroups(List.of(group)), "Weekly digest: " + overdue.size() + " overdue, " + due.size() + " due by " + until,
        body.toString());
  }

  /** One person's new work, the lines in the order they came: one mail. */
  Mail newWork(String recipient, List<String> lines) {
    var body = new StringBuilder(lines.size() == 1 ? "There is new work for you:\n\n" : "There are " + lines.size() + " new tasks for you:\n\n");
    lines.forEach(line -> body.append("  - ").append(line).append('\n'));
    body.append("\nClaim and open them in Tasklist: ").append(settings.tasklistUrl()).append('\n');
    String subject = lines.size() == 1 ? "New task: " + lines.get(0) : "New work: " + lines.size() + " tasks";
    return new Mail(recipient, PREFIX + subject, body.toString());
  }

  private void post(Set<String> to, String subject, String body) {
    if (!settings.enabled()) {
      return;
    }
    List<Mail> mails = new ArrayList<>();
    for (String address : to) {
      mails.add(new Mail(address, PREFIX + subject, body));
    }
    outbox.add(mails, calendar.now());
  }

  private Set<String> whoWorksOn(TaskNotice task) {
    return task.assignee() != null ? recipients.ofUser(task.assignee()) : recipients.ofGroups(task.candidateGroups());
  }

  /** "Execute checklist for Harbour Dental (harbour-dental:2026-11), due 2026-11-20, for your group technicians". */
  private String newWorkLine(TaskNotice task) {
    return task.taskName() + " for " + task.clientName()
        + (task.businessKey() == null ? "" : " (" + task.businessKey() + ")")
        + (task.due() == null ? "" : ", due " + day(task.due()))
        + (task.assignee() != null ? ", assigned to you" : ", for your group " + String.join(", ", task.candidateGroups()));
  }

  /** "Execute checklist for Harbour Dental is due 2026-11-20". */
  private String describe(TaskNotice task) {
    return task.taskName() + " for " + task.clientName() + (task.due() == null ? "" : " is due " + day(task.due()));
  }

  private String details(TaskNotice task) {
    return "  Task:     " + task.taskName() + "\n"
        + "  Client:   " + task.clientName() + "\n"
        + (task.businessKey() == null ? "" : "  Cycle:    " + task.businessKey() + "\n")
        + (task.due() == null ? "" : "  Due:      " + day(task.due()) + "\n")
        + "  Assignee: " + (task.assignee() == null ? "nobody yet (" + String.join(", ", task.candidateGroups()) + ")" : task.assignee()) + "\n";
  }

  private String digestLine(TaskNotice task) {
    return "  - " + task.taskName() + " for " + task.clientName()
        + (task.businessKey() == null ? "" : " (" + task.businessKey() + ")")
        + (task.due() == null ? "" : ", due " + day(task.due()))
        + ", " + (task.assignee() == null ? "unassigned" : "assigned to " + task.assignee()) + "\n";
  }

  /** The day a due date falls on (a deadline at midnight is the end of the day before). */
  String day(Date due) {
    return DAY.format(reminders.dueDay(due));
  }
}
