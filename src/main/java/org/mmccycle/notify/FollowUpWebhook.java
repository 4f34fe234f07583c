package org.mmccycle.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * POSTs JSON to the follow-up webhook ({@code mmc.followup.webhook-url}), retrying with a doubling
 * backoff on a connection failure or a 5xx/429 answer. A 4xx answer is not retried: the payload
 * would not get better.
 */
@Component
public class FollowUpWebhook {

  /** The webhook did not take the payload after every attempt. */
  public static class WebhookException extends RuntimeException {
    public WebhookException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(FollowUpWebhook.class);

  private final FollowUpSettings settings;
  private final HttpClient client;

  public FollowUpWebhook(FollowUpSettings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** Posts the JSON; returns the answer's status, or -1 when the webhook is off. */
  public int post(String json) {
    if (!settings.enabled()) {
      return -1;
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(settings.webhookUrl()))
        .timeout(settings.timeout())
        .header("Content-Type", "application/json")
        .header("User-Agent", "MMC Cycle")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build();
    Duration wait = settings.backoff();
    String failure = null;
    Exception cause = null;
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return status;
        }
        failure = "answered " + status;
        cause = null;
        if (status < 500 && status != 429) {
          throw new WebhookException("The follow-up webhook " + settings.webhookUrl() + " refused the follow-ups: " + failure, null);
        }
      } catch (IOException e) {
        failure = e.toString();
        cause = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WebhookException("Interrupted while posting the follow-ups", e);
      }
      if (attempt < settings.attempts()) {
        LOG.warn("Follow-up webhook attempt {} of {} failed ({}); trying again in {}", attempt, settings.attempts(), failure, wait);
        sleep(wait);
        wait = wait.multipliedBy(2);
      }
    }
    throw new WebhookException("The follow-up webhook " + settings.webhookUrl() + " failed " + settings.attempts()
        + " times; last: " + failure, cause);
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhookException("Interrupted while waiting to retry the follow-ups", e);
    }
  }
}
