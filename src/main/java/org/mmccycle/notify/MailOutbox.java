package org.mmccycle.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Mail waiting to be sent ({@code mmc_mail_outbox}). Rows are written in the transaction that causes the
 * mail (a task created, a deadline passed), so a step the engine rolls back mails nobody; {@link OutboxSender}
 * sends them after the commit, on its own thread, and retries.
 */
@Repository
public class MailOutbox {

  static final String MESSAGE = "message";
  static final String NEW_WORK = "new-work";

  /** A mail or a line of new work not sent yet. */
  record Pending(long id, String recipient, String subject, String body, Instant createdAt, int attempts) {}

  private final JdbcClient jdbc;

  public MailOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Mails to send as they are, as soon as the sender comes by. */
  public void add(Collection<Mail> mails, Instant now) {
    for (Mail mail : mails) {
      insert(MESSAGE, mail.to(), mail.subject(), mail.body(), now);
    }
  }

  /** One line of new work for a recipient: it goes out with the recipient's other new work in one mail. */
  public void addNewWork(String recipient, String line, Instant now) {
    insert(NEW_WORK, recipient, null, line, now);
  }

  private void insert(String kind, String recipient, String subject, String body, Instant now) {
    jdbc.sql("insert into mmc_mail_outbox (kind, recipient, subject, body, created_at, due_at) values (?, ?, ?, ?, ?, ?)")
        .params(kind, recipient, subject, body, Timestamp.from(now), Timestamp.from(now))
        .update();
  }

  /** Messages due now, locked until the caller's transaction ends (another node skips them once sent). */
  List<Pending> lockDueMessages(Instant now, int maxAttempts, int limit) {
    return jdbc.sql("select id, recipient, subject, body, created_at, attempts from mmc_mail_outbox where kind = ? and sent_at is null "
            + "and due_at <= ? and attempts < ? order by id fetch first " + limit + " rows only for update")
        .params(MESSAGE, Timestamp.from(now), maxAttempts)
        .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
            rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts")))
        .list();
  }

  /**
   * The recipients whose new work is ready to go out: none came for the quiet period (the month's
   * opening is over) or the oldest waited the longest it may, and no failed attempt waits for its retry.
   */
  List<String> newWorkRecipients(Instant now, Instant quietSince, Instant oldestAllowed, int maxAttempts) {
    return jdbc.sql("select recipient from mmc_mail_outbox where kind = ? and sent_at is null and attempts < ? group by recipient "
            + "having max(due_at) <= ? and (max(created_at) <= ? or min(created_at) <= ?) order by recipient")
        .params(NEW_WORK, maxAttempts, Timestamp.from(now), Timestamp.from(quietSince), Timestamp.from(oldestAllowed))
        .query(String.class).list();
  }

  /** The recipient's new work not sent yet, oldest first, locked until the caller's transaction ends. */
  List<Pending> lockNewWork(String recipient, int maxAttempts) {
    return jdbc.sql("select id, recipient, subject, body, created_at, attempts from mmc_mail_outbox where kind = ? and recipient = ? "
            + "and sent_at is null and attempts < ? order by id for update")
        .params(NEW_WORK, recipient, maxAttempts)
        .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
            rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts")))
        .list();
  }

  void sent(Collection<Long> ids, Instant at) {
    jdbc.sql("update mmc_mail_outbox set sent_at = :at, attempts = attempts + 1, last_error = null where id in (:ids)")
        .param("at", Timestamp.from(at)).param("ids", ids).update();
  }

  void failed(Collection<Long> ids, Instant retryAt, String error) {
    String message = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
    jdbc.sql("update mmc_mail_outbox set attempts = attempts + 1, due_at = :retryAt, last_error = :error where id in (:ids)")
        .param("retryAt", Timestamp.from(retryAt)).param("error", message).param("ids", ids).update();
  }

  /** Whether a message (not a line of new work) is due now. */
  boolean messageDue(Instant now, int maxAttempts) {
    return !jdbc.sql("select id from mmc_mail_outbox where kind = ? and sent_at is null and due_at <= ? and attempts < ? "
            + "fetch first 1 rows only")
        .params(MESSAGE, Timestamp.from(now), maxAttempts).query(Long.class).list().isEmpty();
  }

  /** Mail not sent yet and still to be tried. */
  public long waiting(int maxAttempts) {
    return jdbc.sql("select count(*) from mmc_mail_outbox where sent_at is null and attempts < ?").param(maxAttempts)
        .query(Long.class).single();
  }

  /** Mail given up after every attempt failed. */
  public long givenUp(int maxAttempts) {
    return jdbc.sql("select count(*) from mmc_mail_outbox where sent_at is null and attempts >= ?").param(maxAttempts)
        .query(Long.class).single();
  }
}
