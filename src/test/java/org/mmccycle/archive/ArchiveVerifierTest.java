package org.mmccycle.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmccycle.archive.ArchiveFixture.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveVerifierTest {

  @TempDir Path folder;

  private ArchiveFixture fixture;
  private FiledRecord acme;

  @BeforeEach
  void fileThreeRecords() {
    fixture = new ArchiveFixture(folder);
    acme = fixture.file(record("acme", "2026-11"), "%PDF acme");
    fixture.file(record("beta", "2026-11"), "%PDF beta");
    fixture.file(record("acme", "2026-12"), "%PDF acme december");
  }

  @Test
  void shouldFindAnUntouchedArchiveIntact() {
    VerificationReport report = fixture.verifier.verify();

    assertThat(report.intact()).isTrue();
    assertThat(report.records()).isEqualTo(3);
    assertThat(report.filesChecked()).isEqualTo(6);
  }

  @Test
  void shouldReportAFileWithOneByteChanged() throws IOException {
    byte[] pdf = Files.readAllBytes(acme.pdf());
    pdf[pdf.length - 1] ^= 1;
    Files.write(acme.pdf(), pdf);

    VerificationReport report = fixture.verifier.verify();

    assertThat(report.intact()).isFalse();
    assertThat(report.changed()).singleElement().satisfies(changed -> {
      assertThat(changed.path()).isEqualTo("2026-11/acme.pdf");
      assertThat(changed.expectedSha256()).isNotEqualTo(changed.actualSha256()).isEqualTo(Sha256.of("%PDF acme".getBytes()));
    });
    assertThat(report.missing()).isEmpty();
    assertThat(report.unknown()).isEmpty();
  }

  @Test
  void shouldReportADeletedFileAsMissing() throws IOException {
    Files.delete(acme.json());

    VerificationReport report = fixture.verifier.verify();

    assertThat(report.missing()).containsExactly("2026-11/acme.json");
    assertThat(report.intact()).isFalse();
  }

  @Test
  void shouldReportAStrayFileAsUnknown() throws IOException {
    Files.writeString(folder.resolve("2026-11/gamma.pdf"), "%PDF planted");
    Files.createDirectories(folder.resolve("notes"));
    Files.writeString(folder.resolve("notes/readme.txt"), "hello");

    VerificationReport report = fixture.verifier.verify();

    assertThat(report.unknown()).containsExactly("2026-11/gamma.pdf", "notes/readme.txt");
    assertThat(report.intact()).isFalse();
  }

  @Test
  void shouldReportAManifestThatDisagreesWithTheIndex() throws IOException {
    Path manifest = folder.resolve(ArchiveManifest.FILE_NAME);
    String edited = Files.readString(manifest).lines().filter(line -> !line.endsWith("beta.pdf"))
        .map(line -> line.endsWith("2026-11/acme.pdf") ? "0".repeat(64) + "  2026-11/acme.pdf" : line)
        .reduce("", (all, line) -> all + line + "\n") + "1".repeat(64) + "  2026-11/ghost.pdf\n";
    Files.writeString(manifest, edited);

    VerificationReport report = fixture.verifier.verify();

    assertThat(report.manifestProblems()).containsExactlyInAnyOrder(
        "checksum in the manifest differs from the index: 2026-11/acme.pdf",
        "not in the manifest: 2026-11/beta.pdf",
        "in the manifest but not in the index: 2026-11/ghost.pdf");
    assertThat(report.changed()).isEmpty();
  }

  @Test
  void shouldRefuseToHandOutAChangedPdf() throws IOException {
    assertThat(fixture.reader.pdf(acme.id())).hasValueSatisfying(pdf -> {
      assertThat(pdf.content()).isEqualTo("%PDF acme".getBytes());
      assertThat(pdf.fileName()).isEqualTo("acme-2026-11-v1.pdf");
    });
    Files.writeString(acme.pdf(), "%PDF forged");

    assertThatThrownBy(() -> fixture.reader.pdf(acme.id()))
        .isInstanceOf(ArchiveIntegrityException.class).hasMessageContaining("changed");
    assertThat(fixture.reader.pdf(9999)).isEmpty();
  }
}
