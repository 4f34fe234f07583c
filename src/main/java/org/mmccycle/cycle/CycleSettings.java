package org.mmccycle.cycle;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cycle's settings ({@code mmc.cycle.*}), the one place that knows the firm's time zone: deadlines,
 * visit dates, months and printed times are all in it.
 *
 * @param timeZone the firm's zone (MMC_TIME_ZONE, Europe/Berlin by default)
 * @param openingBatchSize the monthly round opens the clients' cycles in batches of this many, one job per batch
 * @param openMonthsEitherSide how many months before and after the current one may be opened
 */
@ConfigurationProperties("mmc.cycle")
public record CycleSettings(@DefaultValue("Europe/Berlin") ZoneId timeZone, @DefaultValue("50") int openingBatchSize,
    @DefaultValue("12") int openMonthsEitherSide) {

  public CycleSettings {
    if (openingBatchSize < 1) {
      throw new IllegalArgumentException("mmc.cycle.opening-batch-size must be at least 1, not " + openingBatchSize);
    }
    if (openMonthsEitherSide < 1) {
      throw new IllegalArgumentException("mmc.cycle.open-months-either-side must be at least 1, not " + openMonthsEitherSide);
    }
  }
}
