package org.mmccycle.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmccycle.document.DocumentProperties;
import org.mmccycle.document.DocumentProperties.ArchiveLayout;

class RecordArchiveTest {

  private static final byte[] PDF = "%PDF-1.4 record".getBytes(StandardCharsets.US_ASCII);
  private static final String JSON = "{\"client\":\"acme\",\"month\":\"2026-11\"}";

  @TempDir Path archive;

  private RecordArchive archive(ArchiveLayout layout) {
    return new RecordArchive(new DocumentProperties(archive.resolve("../published"), archive, layout));
  }

  @Test
  void shouldFileByMonth() {
    FiledRecord filed = archive(ArchiveLayout.BY_MONTH).file("acme", "2026-11", PDF, JSON);

    assertThat(filed.pdf()).isEqualTo(archive.resolve("2026-11/acme.pdf")).hasBinaryContent(PDF);
    assertThat(filed.json()).isEqualTo(archive.resolve("2026-11/acme.json")).hasContent(JSON);
    assertThat(filed.version()).isEqualTo(1);
  }

  @Test
  void shouldFileByClient() {
    FiledRecord filed = archive(ArchiveLayout.BY_CLIENT).file("acme", "2026-11", PDF, JSON);

    assertThat(filed.pdf()).isEqualTo(archive.resolve("acme/2026-11.pdf")).hasBinaryContent(PDF);
    assertThat(filed.json()).isEqualTo(archive.resolve("acme/2026-11.json")).hasContent(JSON);
    assertThat(filed.version()).isEqualTo(1);
  }

  @Test
  void shouldReturnTheFiledRecordWhenTheSameRecordIsFiledAgain() throws IOException {
    RecordArchive records = archive(ArchiveLayout.BY_MONTH);
    FiledRecord first = records.file("acme", "2026-11", PDF, JSON);

    FiledRecord again = records.file("acme", "2026-11", PDF, JSON);

    assertThat(again).isEqualTo(first);
    assertThat(fileCount()).isEqualTo(2);
  }

  @Test
  void shouldAddANewVersionInsteadOfOverwritingADifferentRecord() throws IOException {
    RecordArchive records = archive(ArchiveLayout.BY_CLIENT);
    records.file("acme", "2026-11", PDF, JSON);
    byte[] corrected = "%PDF-1.4 corrected".getBytes(StandardCharsets.US_ASCII);

    FiledRecord second = records.file("acme", "2026-11", corrected, JSON);
    FiledRecord third = records.file("acme", "2026-11", PDF, "{\"corrected\":true}");

    assertThat(second.version()).isEqualTo(2);
    assertThat(second.pdf()).isEqualTo(archive.resolve("acme/2026-11.v2.pdf")).hasBinaryContent(corrected);
    assertThat(second.json()).isEqualTo(archive.resolve("acme/2026-11.v2.json")).hasContent(JSON);
    assertThat(third.version()).isEqualTo(3);
    assertThat(archive.resolve("acme/2026-11.pdf")).hasBinaryContent(PDF);
    assertThat(records.file("acme", "2026-11", corrected, JSON)).isEqualTo(second);
  }

  @Test
  void shouldCompleteAFilingInterruptedBetweenItsTwoFiles() throws IOException {
    RecordArchive records = archive(ArchiveLayout.BY_MONTH);
    Files.createDirectories(archive.resolve("2026-11"));
    Files.writeString(archive.resolve("2026-11/acme.json"), JSON);

    FiledRecord filed = records.file("acme", "2026-11", PDF, JSON);

    assertThat(filed.version()).isEqualTo(1);
    assertThat(filed.pdf()).hasBinaryContent(PDF);
  }

  @Test
  void shouldKeepAClimbingSlugInsideTheArchive() {
    FiledRecord filed = archive(ArchiveLayout.BY_CLIENT).file("../../etc", "2026-11", PDF, JSON);

    assertThat(filed.pdf()).isEqualTo(archive.resolve("etc/2026-11.pdf"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-13", "2026-1", "26-11", "2026-11/../..", "../2026-11", "November", ""})
  void shouldRejectAMonthThatIsNotYearDashMonth(String month) {
    assertThatThrownBy(() -> archive(ArchiveLayout.BY_MONTH).file("acme", month, PDF, JSON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yyyy-MM");
  }

  private long fileCount() throws IOException {
    try (Stream<Path> files = Files.walk(archive)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
