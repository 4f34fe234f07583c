package org.mmccycle.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.JobRecords;
import org.mmccycle.security.MmcGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Every week ({@code mmc.mail.digest-cron}, Monday 07:00 by default) each service manager gets the
 * client cycles' overdue tasks and those due in the next {@code mmc.mail.digest-days} days, read from
 * the cycles' job records. Every node of a cluster writes it: enable mail on one node only, or accept
 * one digest per node.
 */
@Component
public class WeeklyDigest implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(WeeklyDigest.class);

  private final JobRecords jobs;
  private final MmcMailer mailer;
  private final MailSettings settings;
  private final CycleCalendar calendar;
  private final String cron;

  public WeeklyDigest(JobRecords jobs, MmcMailer mailer, MailSettings settings, CycleCalendar calendar,
      @Value("${mmc.mail.digest-cron:0 0 7 * * MON}") String cron) {
    this.cron = cron;
    this.jobs = jobs;
    this.mailer = mailer;
    this.settings = settings;
    this.calendar = calendar;
  }

  /** On {@code mmc.mail.digest-cron} in the firm's zone ({@code -}: never). */
  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (!ScheduledTaskRegistrar.CRON_DISABLED.equals(cron)) {
      registrar.addCronTask(new CronTask(this::scheduled, new CronTrigger(cron, calendar.zone())));
    }
  }

  void scheduled() {
    if (mailer.enabled()) {
      LOG.info("Weekly digest written: {} lines", send());
    }
  }

  /** Writes the digest to every service manager now; the number of lines it has. */
  public int send() {
    List<MmcMailer.DigestLine> lines = lines();
    mailer.digest(MmcGroups.SERVICE_MANAGERS, lines);
    return lines.size();
  }

  /** The open tasks of the client cycles due before the end of the digest's period, the earliest first. */
  public List<MmcMailer.DigestLine> lines() {
    Instant now = calendar.now();
    Instant until = now.plus(Duration.ofDays(settings.digestDays()));
    return jobs.openDueBefore(until).stream()
        .flatMap(job -> TaskNotice.ofOpen(job).stream())
        .filter(notice -> notice.due() != null && notice.due().toInstant().isBefore(until))
        .map(notice -> new MmcMailer.DigestLine(notice, notice.due() != null && notice.due().toInstant().isBefore(now)))
        .toList();
  }
}
