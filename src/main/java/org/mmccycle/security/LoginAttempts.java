package org.mmccycle.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins, counted per user <em>and client address</em>: someone who guesses a password from
 * one address slows down only themselves, never the user logging in from elsewhere, and no number of
 * tries locks an account for good (Camunda's own lock-out counts per user and locks for ever after
 * ten tries, so one anonymous script could lock out the administrator). The first
 * {@value #FREE_ATTEMPTS} failures cost nothing; each further one doubles a pause that starts at
 * {@value #FIRST_PAUSE_SECONDS} s and never exceeds {@link #MAX_PAUSE}. A success clears the count.
 *
 * <p>Kept in memory, per node, for at most {@value #MAX_ENTRIES} user/address pairs (the oldest are
 * forgotten first). Behind a reverse proxy, set {@code server.forward-headers-strategy} so that the
 * address is the client's.
 */
public class LoginAttempts {

  static final int FREE_ATTEMPTS = 4;
  static final int FIRST_PAUSE_SECONDS = 30;
  static final Duration MAX_PAUSE = Duration.ofMinutes(15);
  static final int MAX_ENTRIES = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(LoginAttempts.class);

  private record Key(String userId, String address) {}

  private static final class Failures {
    int count;
    Instant lockedUntil = Instant.MIN;
  }

  private final Clock clock;

  public LoginAttempts(Clock clock) {
    this.clock = clock;
  }

  private final Map<Key, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Failures> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  /** How long logins of this user from this address are refused still, if they are. */
  public synchronized Optional<Duration> pause(String userId, String address) {
    Failures known = failures.get(new Key(userId, address));
    Instant now = now();
    return known == null || !known.lockedUntil.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, known.lockedUntil));
  }

  /** A wrong password: counted, and from the {@value #FREE_ATTEMPTS}th on the address pauses. */
  public synchronized void failed(String userId, String address) {
    Failures known = failures.computeIfAbsent(new Key(userId, address), key -> new Failures());
    known.count++;
    if (known.count > FREE_ATTEMPTS) {
      long seconds = FIRST_PAUSE_SECONDS * (1L << Math.min(20, known.count - FREE_ATTEMPTS - 1));
      Duration pause = seconds > MAX_PAUSE.toSeconds() ? MAX_PAUSE : Duration.ofSeconds(seconds);
      known.lockedUntil = now().plus(pause);
      LOG.warn("Logins as '{}' from {} are refused for {} s after {} wrong passwords (other addresses are not affected)",
          printable(userId), printable(address), pause.toSeconds(), known.count);
    }
  }

  /** The right password: the count of this user and address starts again. */
  public synchronized void succeeded(String userId, String address) {
    failures.remove(new Key(userId, address));
  }

  /** An administrator unlocked the user: every address may try again. */
  public synchronized void forget(String userId) {
    failures.keySet().removeIf(key -> key.userId().equals(userId));
  }

  private Instant now() {
    return clock.instant();
  }

  /** What an attacker typed, safe for a log line. */
  private static String printable(String text) {
    String visible = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    return visible.length() > 80 ? visible.substring(0, 80) + "…" : visible;
  }
}
