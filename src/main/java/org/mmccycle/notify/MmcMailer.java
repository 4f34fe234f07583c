package org.mmccycle.notify;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.mmccycle.process.CycleClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * The mails of MMC Cycle, one per recipient: a new or assigned task, a reminder before its deadline,
 * an overdue job to the escalation group, and the service managers' weekly digest. Recipients are
 * Camunda users with an e-mail address. With {@code mmc.mail.enabled=false} (the default) nothing is
 * composed or sent, and no SMTP server is needed.
 *
 * <p>Composing and sending are separate so that the engine's listeners compose while the task is
 * being created and send only once the engine has committed it.
 */
@Service
public class MmcMailer {

  /** One line of the digest: a task still open, and how it stands. */
  public record DigestLine(TaskNotice task, boolean overdue) {}

  static final String PREFIX = "[MMC] ";
  private static final Logger LOG = LoggerFactory.getLogger(MmcMailer.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

  private final MailSettings settings;
  private final Recipients recipients;
  private final ObjectProvider<JavaMailSender> sender;
  private final CycleClock clock;
  private final Reminders reminders;

  public MmcMailer(MailSettings settings, Recipients recipients, ObjectProvider<JavaMailSender> sender, CycleClock clock,
      Reminders reminders) {
    this.reminders = reminders;
    this.settings = settings;
    this.recipients = recipients;
    this.sender = sender;
    this.clock = clock;
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** A new task, to its assignee, or else to every member of its candidate groups. */
  public List<Mail> taskCreated(TaskNotice task) {
    return compose(() -> whoWorksOn(task), "New task: " + describe(task),
        "There is a new task for you" + (task.assignee() == null ? "r group (" + String.join(", ", task.candidateGroups()) + ")" : "")
            + ":\n\n" + details(task) + "\nClaim and open it in Tasklist: " + settings.tasklistUrl() + "\n");
  }

  /** A task assigned to a person: to that person. */
  public List<Mail> taskAssigned(TaskNotice task) {
    return compose(() -> recipients.ofUser(task.assignee()), "Assigned to you: " + describe(task),
        "This task is now assigned to you:\n\n" + details(task) + "\nOpen it in Tasklist: " + settings.tasklistUrl() + "\n");
  }

  /** A reminder before the deadline, to whoever works on the task. */
  public List<Mail> reminder(TaskNotice task) {
    return compose(() -> whoWorksOn(task), "Reminder: " + describe(task),
        "A reminder: this task is still open.\n\n" + details(task) + "\nOpen it in Tasklist: " + settings.tasklistUrl() + "\n");
  }

  /** A job whose deadline passed: to every member of the escalation group. */
  public List<Mail> escalation(TaskNotice overdue, String escalationGroup) {
    String subject = "Overdue: " + overdue.taskName() + " for " + overdue.clientName()
        + (overdue.due() == null ? "" : " was due " + day(overdue.due()));
    return compose(() -> recipients.ofGroups(List.of(escalationGroup)), subject,
        "The deadline passed and this job is still open:\n\n" + details(overdue)
            + "\nA \"Resolve overdue\" task waits for " + escalationGroup + " in Tasklist: " + settings.tasklistUrl() + "\n");
  }

  /** The weekly digest: to every member of the group, the overdue tasks and those due in the next days. */
  public List<Mail> digest(String group, List<DigestLine> lines) {
    List<DigestLine> overdue = lines.stream().filter(DigestLine::overdue).toList();
    List<DigestLine> due = lines.stream().filter(line -> !line.overdue()).toList();
    String until = day(Date.from(clock.now().plus(Duration.ofDays(settings.digestDays()))));
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
    return compose(() -> recipients.ofGroups(List.of(group)),
        "Weekly digest: " + overdue.size() + " overdue, " + due.size() + " due by " + until, body.toString());
  }

  /** Sends the mails; a failure is logged (the task exists whether or not its mail went out). */
  public int send(Collection<Mail> mails) {
    if (!settings.enabled() || mails.isEmpty()) {
      return 0;
    }
    JavaMailSender mailSender = sender.getIfAvailable();
    if (mailSender == null) {
      LOG.warn("mmc.mail.enabled is true but no SMTP server is configured (spring.mail.host): {} mails not sent", mails.size());
      return 0;
    }
    int sent = 0;
    for (Mail mail : mails) {
      var message = new SimpleMailMessage();
      message.setFrom(settings.from());
      message.setTo(mail.to());
      message.setSubject(mail.subject());
      message.setText(mail.body());
      message.setSentDate(Date.from(clock.now()));
      try {
        mailSender.send(message);
        sent++;
      } catch (MailException e) {
        LOG.warn("Could not send \"{}\" to {}: {}", mail.subject(), mail.to(), e.getMessage());
      }
    }
    return sent;
  }

  private Set<String> whoWorksOn(TaskNotice task) {
    return task.assignee() != null ? recipients.ofUser(task.assignee()) : recipients.ofGroups(task.candidateGroups());
  }

  private List<Mail> compose(Supplier<Set<String>> to, String subject, String body) {
    if (!settings.enabled()) {
      return List.of();
    }
    List<Mail> mails = new ArrayList<>();
    for (String address : to.get()) {
      mails.add(new Mail(address, PREFIX + subject, body));
    }
    return mails;
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
