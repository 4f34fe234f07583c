package org.mmccycle.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Secret feed URLs for calendar clients that cannot log in: a random token per feed (one
 * technician's visits, or the whole firm's); only its SHA-256 is stored.
 */
@Service
public class CalendarFeeds {

  /** Whose visits a feed shows: one technician's, or everyone's when {@code technician} is null. */
  public record Feed(String technician) {
    public boolean wholeFirm() {
      return technician == null;
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final JdbcClient jdbc;

  public CalendarFeeds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates a feed and returns its token (shown once; it can't be recovered from the database). */
  public String create(String technician, String createdBy) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("insert into mmc_calendar_feed (token_sha256, technician, created_by) values (?, ?, ?)")
        .params(sha256(token), technician, createdBy).update();
    return token;
  }

  public Optional<Feed> find(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
      return Optional.empty();
    }
    return jdbc.sql("select technician from mmc_calendar_feed where token_sha256 = ?")
        .param(sha256(token))
        .query((rs, n) -> new Feed(rs.getString("technician")))
        .optional();
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
