package org.mmccycle.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.JobRecord;
import org.mmccycle.cycle.JobRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds whoever works on a job's open task, once, {@code mmc.mail.reminder-business-days} business
 * days before its deadline at {@code mmc.mail.reminder-time} ({@link Reminders#before}): looked up in
 * the job records every {@code mmc.mail.reminder-interval} (15 minutes), not by a timer per task. A job
 * is marked reminded in the same transaction as its mail is written, so a cluster reminds once.
 */
@Component
public class ReminderScan {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderScan.class);
  /** No job is reminded further ahead than this: business days before a deadline never span more. */
  private static final Duration LOOK_AHEAD = Duration.ofDays(21);

  private final JobRecords jobs;
  private final Reminders reminders;
  private final MmcMailer mailer;
  private final MailSettings settings;
  private final CycleCalendar calendar;
  private final TransactionTemplate transaction;

  public ReminderScan(JobRecords jobs, Reminders reminders, MmcMailer mailer, MailSettings settings, CycleCalendar calendar,
      TransactionTemplate transaction) {
    this.transaction = transaction;
    this.jobs = jobs;
    this.reminders = reminders;
    this.mailer = mailer;
    this.settings = settings;
    this.calendar = calendar;
  }

  @Scheduled(fixedDelayString = "${mmc.mail.reminder-interval:15m}", initialDelayString = "${mmc.mail.reminder-interval:15m}")
  public void scheduled() {
    if (mailer.enabled()) {
      int reminded = remindDue();
      if (reminded > 0) {
        LOG.info("Reminded {} open jobs of their deadlines", reminded);
      }
    }
  }

  /** Writes the reminders that are due now, each with its mark in one transaction; the number of jobs reminded. */
  public int remindDue() {
    Instant now = calendar.now();
    int reminded = 0;
    for (JobRecord job : jobs.notRemindedDueBefore(now.plus(LOOK_AHEAD))) {
      if (isDue(job, now) && Boolean.TRUE.equals(transaction.execute(status -> remind(job, now)))) {
        reminded++;
      }
    }
    return reminded;
  }

  private boolean remind(JobRecord job, Instant now) {
    if (!jobs.markReminded(job.clientSlug(), job.month(), job.job(), now)) {
      return false; // another node did
    }
    mailer.reminder(TaskNotice.ofOpen(job).get(0));
    return true;
  }

  /** Still before its deadline, and the business days before it have begun (the four jobs of the compliance report only). */
  private boolean isDue(JobRecord job, Instant now) {
    return now.isBefore(job.due())
        && !now.isBefore(reminders.before(Date.from(job.due()), settings.reminderBusinessDays()).toInstant());
  }
}
