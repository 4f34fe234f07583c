package org.mmccycle.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail to the responsible people ({@code mmc.mail.*}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param enabled false (the default): no mail is written or sent at all, and no SMTP server is needed
 * @param from the sender address
 * @param tasklistUrl where the links in the mails point (Camunda Tasklist)
 * @param digestDays how many days ahead the weekly digest lists what is due
 * @param reminderBusinessDays how many business days before a job's deadline whoever works on it is reminded
 * @param outboxInterval how often the outbox is looked at for mail to send
 * @param newWorkQuiet new work is mailed once none has come for this long (one mail for a month's opening)
 * @param newWorkMaxWait … or once the oldest new work waited this long
 * @param maxAttempts how often a mail is tried before it is given up (and logged as an error)
 * @param firstRetry the wait after the first failed attempt; it doubles with each one after, up to {@code maxRetry}
 * @param maxRetry the longest wait between attempts
 */
@ConfigurationProperties("mmc.mail")
public record MailSettings(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("MMC Cycle <mmc-cycle@localhost>") String from,
    @DefaultValue("http://localhost:8080/camunda/app/tasklist/default/") String tasklistUrl,
    @DefaultValue("7") int digestDays,
    @DefaultValue("3") int reminderBusinessDays,
    @DefaultValue("10s") Duration outboxInterval,
    @DefaultValue("2m") Duration newWorkQuiet,
    @DefaultValue("30m") Duration newWorkMaxWait,
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("1m") Duration firstRetry,
    @DefaultValue("1h") Duration maxRetry) {

  /** The wait before the next attempt after this many failed ones. */
  public Duration retryAfter(int failedAttempts) {
    Duration wait = firstRetry.multipliedBy(1L << Math.min(20, Math.max(0, failedAttempts - 1)));
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }
}
