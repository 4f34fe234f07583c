package org.mmccycle.notify;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where problems found on a visit go ({@code mmc.followup.*}): a webhook of the firm's ticket system
 * or chat. An empty URL turns the webhook off.
 *
 * @param webhookUrl the URL to POST to, or empty
 * @param attempts how often to try before giving up (at least 1)
 * @param backoff the wait after the first failed attempt, doubled after each further one
 * @param timeout how long one attempt may take
 */
@ConfigurationProperties("mmc.followup")
public record FollowUpSettings(
    @DefaultValue("") String webhookUrl,
    @DefaultValue("3") int attempts,
    @DefaultValue("2s") Duration backoff,
    @DefaultValue("10s") Duration timeout) {

  public FollowUpSettings {
    if (attempts < 1) {
      throw new IllegalArgumentException("mmc.followup.attempts must be at least 1");
    }
    webhookUrl = webhookUrl == null ? "" : webhookUrl.trim();
    if (!webhookUrl.isEmpty()) {
      URI uri = URI.create(webhookUrl);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("mmc.followup.webhook-url must be an http(s) URL, not " + webhookUrl);
      }
    }
  }

  public boolean enabled() {
    return !webhookUrl.isEmpty();
  }
}
