package org.mmccycle.notify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;
import java.util.Date;
import jakarta.mail.MessagingException;
import java.util.List;
import org.mmccycle.cycle.CycleCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what waits in the {@link MailOutbox}, every {@code mmc.mail.outbox-interval} on Spring's
 * scheduler thread (never an engine thread): messages one by one, and each recipient's new work as
 * one mail once none has come for {@code mmc.mail.new-work-quiet}. When the SMTP server does not
 * answer, the round tries nothing and the mails wait. A mail the server refuses is tried again after
 * {@code first-retry}, doubling up to {@code max-retry}, {@code max-attempts} times; then it is given up
 * and logged as an error. Rows are locked while they are sent, so the nodes of a
 * cluster never send one twice. Gauges: {@code mmc_mail_outbox_waiting}, {@code mmc_mail_outbox_given_up}.
 */
@Component
public class OutboxSender implements MeterBinder {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final int BATCH = 100;

  private final MailOutbox outbox;
  private final MailSettings settings;
  private final MmcMailer mailer;
  private final ObjectProvider<JavaMailSender> sender;
  private final TransactionTemplate transaction;
  private final CycleCalendar calendar;

  public OutboxSender(MailOutbox outbox, MailSettings settings, MmcMailer mailer, ObjectProvider<JavaMailSender> sender,
      TransactionTemplate transaction, CycleCalendar calendar) {
    this.outbox = outbox;
    this.settings = settings;
    this.mailer = mailer;
    this.sender = sender;
    this.transaction = transaction;
    this.calendar = calendar;
  }

  @Scheduled(fixedDelayString = "${mmc.mail.outbox-interval:10s}", initialDelayString = "${mmc.mail.outbox-interval:10s}")
  public void scheduled() {
    if (settings.enabled()) {
      sendDue();
    }
  }

  /** Sends every mail that is due now; the number of mails the SMTP server accepted. */
  public int sendDue() {
    JavaMailSender mailSender = sender.getIfAvailable();
    if (mailSender == null) {
      LOG.warn("mmc.mail.enabled is true but no SMTP server is configured (spring.mail.host): {} mails wait",
          outbox.waiting(settings.maxAttempts()));
      return 0;
    }
    Instant now = calendar.now();
    List<String> newWorkRecipients = outbox.newWorkRecipients(now, now.minus(settings.newWorkQuiet()),
        now.minus(settings.newWorkMaxWait()), settings.maxAttempts());
    if (newWorkRecipients.isEmpty() && !outbox.messageDue(now, settings.maxAttempts())) {
      return 0; // nothing to send: the SMTP server is not asked
    }
    if (!reachable(mailSender)) {
      return 0;
    }
    int sent = 0;
    Batch batch;
    do {
      batch = transaction.execute(status -> sendMessages(mailSender));
      sent += batch.sent();
    } while (batch.tried() == BATCH); // the failed ones wait for their retry: the next batch is new mail
    for (String recipient : newWorkRecipients) {
      Integer newWork = transaction.execute(status -> sendNewWork(mailSender, recipient));
      sent += newWork == null ? 0 : newWork;
    }
    return sent;
  }

  /**
   * Whether the SMTP server answers: when it does not, nothing is tried and nothing counts as an attempt
   * (a server that is down never makes a mail be given up); the mails wait for the next round.
   */
  private boolean reachable(JavaMailSender mailSender) {
    if (mailSender instanceof JavaMailSenderImpl smtp) {
      try {
        smtp.testConnection();
      } catch (MessagingException e) {
        LOG.warn("The SMTP server {}:{} does not answer ({}): {} mails wait for the next round", smtp.getHost(), smtp.getPort(),
            e.getMessage(), outbox.waiting(settings.maxAttempts()));
        return false;
      }
    }
    return true;
  }

  private record Batch(int tried, int sent) {}

  private Batch sendMessages(JavaMailSender mailSender) {
    List<MailOutbox.Pending> due = outbox.lockDueMessages(calendar.now(), settings.maxAttempts(), BATCH);
    int sent = 0;
    for (MailOutbox.Pending mail : due) {
      sent += send(mailSender, new Mail(mail.recipient(), mail.subject(), mail.body()), List.of(mail.id()), mail.attempts());
    }
    return new Batch(due.size(), sent);
  }

  private int sendNewWork(JavaMailSender mailSender, String recipient) {
    List<MailOutbox.Pending> lines = outbox.lockNewWork(recipient, settings.maxAttempts());
    if (lines.isEmpty()) {
      return 0; // another node sent them meanwhile
    }
    Mail mail = mailer.newWork(recipient, lines.stream().map(MailOutbox.Pending::body).toList());
    int attempts = lines.stream().mapToInt(MailOutbox.Pending::attempts).max().orElse(0);
    return send(mailSender, mail, lines.stream().map(MailOutbox.Pending::id).toList(), attempts);
  }

  private int send(JavaMailSender mailSender, Mail mail, List<Long> ids, int attemptsBefore) {
    var message = new SimpleMailMessage();
    message.setFrom(settings.from());
    message.setTo(mail.to());
    message.setSubject(mail.subject());
    message.setText(mail.body());
    message.setSentDate(Date.from(calendar.now()));
    try {
      mailSender.send(message);
      outbox.sent(ids, calendar.now());
      return 1;
    } catch (MailException e) {
      int attempts = attemptsBefore + 1;
      if (attempts >= settings.maxAttempts()) {
        LOG.error("Gave up \"{}\" to {} after {} attempts: {}", mail.subject(), mail.to(), attempts, e.getMessage());
      } else {
        LOG.warn("Could not send \"{}\" to {} (attempt {} of {}), trying again in {}: {}", mail.subject(), mail.to(), attempts,
            settings.maxAttempts(), settings.retryAfter(attempts), e.getMessage());
      }
      outbox.failed(ids, calendar.now().plus(settings.retryAfter(attempts)), e.getMessage());
      return 0;
    }
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("mmc.mail.outbox.waiting", () -> outbox.waiting(settings.maxAttempts()))
        .description("Mails written and not sent yet (including those waiting for a retry)").strongReference(true).register(registry);
    Gauge.builder("mmc.mail.outbox.given.up", () -> outbox.givenUp(settings.maxAttempts()))
        .description("Mails given up after every attempt failed").strongReference(true).register(registry);
  }
}
