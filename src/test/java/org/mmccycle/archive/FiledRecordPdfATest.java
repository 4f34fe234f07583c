package org.mmccycle.archive;

import java.time.Clock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmccycle.document.PdfRenderer;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** A filed record, read back from the archive, passes veraPDF's PDF/A-2b validation. */
class FiledRecordPdfATest {

  @TempDir Path folder;

  @BeforeAll
  static void initialiseVeraPdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  @Test
  void shouldFileARecordThatVeraPdfValidatesAsPdfA2b() throws Exception {
    var fixture = new ArchiveFixture(folder);
    var renderer = new PdfRenderer(Clock.system(ZoneId.of("Europe/Berlin")));
    var record = ArchiveFixture.record("acme", "2026-11", ArchiveFixture.items(70));
    FiledRecord filed = fixture.archive.file(record, renderer.renderRecord(record), ArchiveFixture.json(record));

    ValidationResult result = validate(filed.pdf());

    assertThat(result.isCompliant()).as(failures(result)).isTrue();
    assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_2_B);
    assertThat(Files.readString(filed.pdf(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .as("the title, as a language alternative in the XMP packet")
        .contains("<rdf:li xml:lang=\"x-default\">Maintenance record Client acme 2026-11</rdf:li>");
  }

  private static ValidationResult validate(Path pdf) throws Exception {
    try (InputStream in = Files.newInputStream(pdf);
        PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_2_B);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
      return validator.validate(parser);
    }
  }

  private static String failures(ValidationResult result) {
    return result.getTestAssertions().stream()
        .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
        .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": "
            + assertion.getMessage() + " at " + assertion.getLocation().getContext() + " " + assertion.getErrorArguments())
        .distinct().limit(20).collect(Collectors.joining("\n"));
  }
}
