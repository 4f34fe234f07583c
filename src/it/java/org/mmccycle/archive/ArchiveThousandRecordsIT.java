package org.mmccycle.archive;

import java.time.Clock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmccycle.document.PdfRenderer;

/**
 * 1,000 small records (50 clients × 20 months) rendered by one shared renderer on 2 threads and
 * filed. An integration test (failsafe, {@code mvn verify}): it takes 30 s to minutes on 2 busy cores.
 */
class ArchiveThousandRecordsIT {

  private static final int CLIENTS = 50;
  private static final int MONTHS = 20;

  @TempDir Path folder;

  @Test
  void shouldRenderAndFileAThousandRecordsOnTwoThreadsWithoutAFailure() throws Exception {
    var fixture = new ArchiveFixture(folder);
    var renderer = new PdfRenderer(Clock.system(ZoneId.of("Europe/Berlin")));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<FiledRecord>> filings = new ArrayList<>();
    for (int month = 0; month < MONTHS; month++) {
      String cycleMonth = String.format("%d-%02d", 2025 + month / 12, month % 12 + 1);
      for (int client = 0; client < CLIENTS; client++) {
        var record = ArchiveFixture.record("client-" + client, cycleMonth, ArchiveFixture.items(5));
        filings.add(threads.submit(() -> fixture.archive.file(record, renderer.renderRecord(record), ArchiveFixture.json(record))));
      }
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

    for (Future<FiledRecord> filing : filings) {
      FiledRecord filed = filing.get();
      assertThat(filed.version()).isEqualTo(1);
      byte[] pdf = Files.readAllBytes(filed.pdf());
      assertThat(new String(pdf, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4");
    }
    assertThat(fixture.rows("mmc_filed_record")).isEqualTo(1000);
    assertThat(fixture.rows("mmc_filed_item")).isEqualTo(5000);
    VerificationReport report = fixture.verifier.verify();
    assertThat(report.intact()).as(report.toString()).isTrue();
    assertThat(report.filesChecked()).isEqualTo(2000);
    assertThat(report.temporaryFiles()).isEmpty();
  }
}
