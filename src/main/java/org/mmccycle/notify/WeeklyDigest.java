package org.mmccycle.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.mmccycle.process.CycleClock;
import org.mmccycle.process.CycleVariables;
import org.mmccycle.responsibility.WithoutAuthorization;
import org.mmccycle.security.MmcGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every week ({@code mmc.mail.digest-cron}, Monday 07:00 by default) each service manager gets the
 * client cycles' overdue tasks and those due in the next {@code mmc.mail.digest-days} days. Every node
 * of a cluster sends it: enable mail on one node only, or accept one digest per node.
 */
@Component
public class WeeklyDigest {

  private static final Logger LOG = LoggerFactory.getLogger(WeeklyDigest.class);

  private final ProcessEngine engine;
  private final MmcMailer mailer;
  private final MailSettings settings;
  private final CycleClock clock;

  public WeeklyDigest(ProcessEngine engine, MmcMailer mailer, MailSettings settings, CycleClock clock) {
    this.engine = engine;
    this.mailer = mailer;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(cron = "${mmc.mail.digest-cron:0 0 7 * * MON}", zone = "${mmc.cycle.time-zone}")
  public void scheduled() {
    if (mailer.enabled()) {
      LOG.info("Weekly digest sent: {} mails", send());
    }
  }

  /** Composes and sends the digest to every service manager now; the number of mails sent. */
  public int send() {
    return mailer.send(mailer.digest(MmcGroups.SERVICE_MANAGERS, lines()));
  }

  /** The open tasks of the client cycles due before the end of the digest's period, the overdue first. */
  public List<MmcMailer.DigestLine> lines() {
    Date now = Date.from(clock.now());
    Date until = Date.from(clock.now().plus(Duration.ofDays(settings.digestDays())));
    TaskService tasks = engine.getTaskService();
    return WithoutAuthorization.call(engine, () -> {
      List<MmcMailer.DigestLine> lines = new ArrayList<>();
      for (Task task : tasks.createTaskQuery().processDefinitionKey(CycleVariables.CLIENT_CYCLE_PROCESS)
          .dueBefore(until).orderByDueDate().asc().list()) {
        Object clientName = tasks.getVariable(task.getId(), CycleVariables.CLIENT_NAME);
        String businessKey = engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(link -> link.getGroupId()).toList();
        var notice = new TaskNotice(task.getName(), clientName == null ? businessKey : clientName.toString(), businessKey,
            task.getDueDate(), task.getAssignee(), groups);
        lines.add(new MmcMailer.DigestLine(notice, task.getDueDate().before(now)));
      }
      return lines;
    });
  }
}
