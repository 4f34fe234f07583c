package org.mmccycle.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmccycle.archive.ArchiveFixture.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmccycle.document.DocumentProperties.ArchiveLayout;

class RecordArchiveTest {

  @TempDir Path folder;

  @Test
  void shouldFileByMonthAndIndexTheRecordWithItsChecksumsAndItems() {
    var fixture = new ArchiveFixture(folder, ArchiveLayout.BY_MONTH);
    var acme = record("acme", "2026-11");

    FiledRecord filed = fixture.file(acme, "%PDF record");

    assertThat(filed.pdf()).isEqualTo(folder.resolve("2026-11/acme.pdf")).hasContent("%PDF record");
    assertThat(filed.json()).isEqualTo(folder.resolve("2026-11/acme.json")).hasContent(ArchiveFixture.json(acme));
    assertThat(filed.version()).isEqualTo(1);
    assertThat(filed.previousVersionId()).isNull();
    ArchivedRecord row = fixture.index.find(filed.id()).orElseThrow();
    assertThat(row.pdfPath()).isEqualTo("2026-11/acme.pdf");
    assertThat(row.jsonPath()).isEqualTo("2026-11/acme.json");
    assertThat(row.sha256Pdf()).isEqualTo(sha256sum(filed.pdf()));
    assertThat(row.sha256Json()).isEqualTo(sha256sum(filed.json()));
    assertThat(row).extracting(ArchivedRecord::clientName, ArchivedRecord::filedBy, ArchivedRecord::filedAt)
        .containsExactly("Client acme", "Sam Manager", ArchiveFixture.FILED);
    assertThat(fixture.rows("mmc_filed_item")).isEqualTo(3);
  }

  /** Issue 17, item 9: filed files were -rw------- (the temporary file's mode); readable by the owner's group now. */
  @Test
  void shouldFileGroupReadableFilesByDefault() throws IOException {
    var fixture = new ArchiveFixture(folder, ArchiveLayout.BY_MONTH);

    FiledRecord filed = fixture.file(record("acme", "2026-11"), "%PDF record");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(filed.pdf()))).isEqualTo("rw-r-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(filed.json()))).isEqualTo("rw-r-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(ArchiveManifest.FILE_NAME))))
        .isEqualTo("rw-r-----");
  }

  @Test
  void shouldFileByClient() {
    FiledRecord filed = new ArchiveFixture(folder, ArchiveLayout.BY_CLIENT).file(record("acme", "2026-11"), "%PDF");

    assertThat(filed.pdf()).isEqualTo(folder.resolve("acme/2026-11.pdf"));
    assertThat(filed.json()).isEqualTo(folder.resolve("acme/2026-11.json"));
  }

  @Test
  void shouldAddNoSecondRowWhenTheSameRecordIsFiledAgain() throws IOException {
    var fixture = new ArchiveFixture(folder);
    FiledRecord first = fixture.file(record("acme", "2026-11"), "%PDF record");

    FiledRecord again = fixture.file(record("acme", "2026-11"), "%PDF record");

    assertThat(again).isEqualTo(first);
    assertThat(fixture.rows("mmc_filed_record")).isEqualTo(1);
    assertThat(fixture.rows("mmc_filed_item")).isEqualTo(3);
    assertThat(recordFiles()).containsExactlyInAnyOrder("2026-11/acme.pdf", "2026-11/acme.json");
  }

  @Test
  void shouldFileACorrectionAsANewVersionPointingToTheVersionItCorrects() {
    var fixture = new ArchiveFixture(folder);
    FiledRecord first = fixture.file(record("acme", "2026-11"), "%PDF record");

    FiledRecord correction = fixture.file(record("acme", "2026-11"), "%PDF corrected");
    FiledRecord second = fixture.file(record("acme", "2026-11", ArchiveFixture.items(4)), "%PDF corrected again");

    assertThat(correction.version()).isEqualTo(2);
    assertThat(correction.previousVersionId()).isEqualTo(first.id());
    assertThat(correction.pdf()).isEqualTo(folder.resolve("2026-11/acme.v2.pdf")).hasContent("%PDF corrected");
    assertThat(second.version()).isEqualTo(3);
    assertThat(second.previousVersionId()).isEqualTo(correction.id());
    assertThat(first.pdf()).hasContent("%PDF record");
    assertThat(fixture.file(record("acme", "2026-11"), "%PDF corrected")).isEqualTo(correction);
    assertThat(fixture.rows("mmc_filed_record")).isEqualTo(3);
  }

  @Test
  void shouldCompleteAFilingInterruptedBetweenItsTwoFiles() throws IOException {
    var fixture = new ArchiveFixture(folder);
    var acme = record("acme", "2026-11");
    Files.createDirectories(folder.resolve("2026-11"));
    Files.writeString(folder.resolve("2026-11/acme.json"), ArchiveFixture.json(acme));

    FiledRecord filed = fixture.file(acme, "%PDF record");

    assertThat(filed.version()).isEqualTo(1);
    assertThat(filed.pdf()).hasContent("%PDF record");
    assertThat(fixture.verifier.verify().intact()).isTrue();
  }

  @Test
  void shouldIndexTheFilesOfAFilingWhoseTransactionRolledBack() throws IOException {
    var fixture = new ArchiveFixture(folder);
    var acme = record("acme", "2026-11");
    // the files were written, then the engine's transaction (and with it the index row) rolled back
    Files.createDirectories(folder.resolve("2026-11"));
    Files.writeString(folder.resolve("2026-11/acme.json"), ArchiveFixture.json(acme));
    Files.writeString(folder.resolve("2026-11/acme.pdf"), "%PDF record");

    FiledRecord retried = fixture.file(acme, "%PDF record");

    assertThat(retried.version()).isEqualTo(1);
    assertThat(fixture.rows("mmc_filed_record")).isEqualTo(1);
    assertThat(fixture.verifier.verify().intact()).isTrue();
  }

  @Test
  void shouldNeverReuseTheVersionOfAnIndexedRecordWhoseFilesWereDeleted() throws IOException {
    var fixture = new ArchiveFixture(folder);
    FiledRecord first = fixture.file(record("acme", "2026-11"), "%PDF record");
    Files.delete(first.pdf());
    Files.delete(first.json());

    FiledRecord next = fixture.file(record("acme", "2026-11"), "%PDF other");

    assertThat(next.version()).isEqualTo(2);
    assertThat(first.pdf()).doesNotExist();
    assertThat(fixture.verifier.verify().missing()).containsExactly("2026-11/acme.json", "2026-11/acme.pdf");
  }

  @Test
  void shouldNotCountATemporaryFileLeftByACrashAsARecord() throws IOException {
    var fixture = new ArchiveFixture(folder);
    // a crash between writing the temporary file and moving it into place
    Files.createDirectories(folder.resolve("2026-11"));
    Files.writeString(folder.resolve("2026-11/.acme.pdf.8712345.tmp"), "%PDF half a rec");

    FiledRecord filed = fixture.file(record("acme", "2026-11"), "%PDF record");

    assertThat(filed.version()).isEqualTo(1);
    assertThat(fixture.search.search(new RecordQuery(null, null, null, null, null, null, 10))).hasSize(1);
    var report = fixture.verifier.verify();
    assertThat(report.intact()).isTrue();
    assertThat(report.temporaryFiles()).containsExactly("2026-11/.acme.pdf.8712345.tmp");
  }

  @Test
  void shouldWriteAManifestThatSha256sumAccepts() throws Exception {
    var fixture = new ArchiveFixture(folder);
    fixture.file(record("acme", "2026-11"), "%PDF a");
    fixture.file(record("beta", "2026-11"), "%PDF b");
    fixture.file(record("acme", "2026-12"), "%PDF c");

    Path manifest = folder.resolve(ArchiveManifest.FILE_NAME);
    assertThat(Files.readAllLines(manifest)).hasSize(6)
        .allMatch(line -> line.matches("[0-9a-f]{64}  \\d{4}-\\d{2}/[a-z]+\\.(pdf|json)"))
        .contains(sha256sum(folder.resolve("2026-12/acme.pdf")) + "  2026-12/acme.pdf");
    Process check = new ProcessBuilder("sha256sum", "--check", "--strict", ArchiveManifest.FILE_NAME)
        .directory(folder.toFile()).redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes());
    assertThat(check.waitFor()).as(output).isZero();
  }

  @Test
  void shouldKeepAClimbingSlugInsideTheArchive() {
    FiledRecord filed = new ArchiveFixture(folder, ArchiveLayout.BY_CLIENT).file(record("../../etc", "2026-11"), "%PDF");

    assertThat(filed.pdf()).isEqualTo(folder.resolve("etc/2026-11.pdf"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-13", "2026-1", "26-11", "2026-11/../..", "../2026-11", "November", ""})
  void shouldRejectAMonthThatIsNotYearDashMonth(String month) {
    var fixture = new ArchiveFixture(folder);

    assertThatThrownBy(() -> fixture.file(record("acme", month), "%PDF"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yyyy-MM");
  }

  private static String sha256sum(Path file) {
    return Sha256.of(file);
  }

  private java.util.List<String> recordFiles() throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString())
          .filter(p -> !p.equals(ArchiveManifest.FILE_NAME)).toList();
    }
  }
}
