package org.mmccycle.document;

import java.time.Clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mmccycle.checklist.ChecklistItem;
import org.w3c.dom.Element;

class PdfRendererTest {

  private static final String PDFA_ID = "http://www.aiim.org/pdfa/ns/id/";
  private static final String HOSTILE = "<script>alert(1)</script> & Sons ../../etc";

  /** Built once, as in the application: building the FopFactory is the costly part. */
  private static final PdfRenderer renderer = new PdfRenderer(Clock.system(ZoneId.of("Europe/Berlin")));

  @Test
  void shouldRenderEveryItemOfASeventyItemRecordWithItsStatus() throws IOException {
    byte[] pdf = renderer.renderRecord(Documents.record("Acme Logistics GmbH", Documents.items(70)));

    String text = text(pdf);
    assertThat(text)
        .contains("Acme Logistics GmbH", "November 2026", "on-site", "Tina Technician")
        .containsPattern("Check item number 1\\b").contains("Check item number 35", "Check item number 70")
        .contains("Done", "Issue", "N/A")
        .contains("Issues found", "Problem noted at item 14")
        .contains("54 done, 10 issues, 6 not applicable") // every 7th an issue, every 11th n/a
        .contains("Logs moved from C: to D:", "Log path updated", "Filed by Sam Manager");
  }

  @Test
  void saysWhichItemsWereMarkedDoneInBulkAndHowMany() throws IOException {
    var items = new java.util.ArrayList<>(Documents.items(10));
    for (int i = 7; i < 10; i++) {
      var item = items.get(i);
      items.set(i, new org.mmccycle.checklist.ChecklistItem(item.id(), item.device(), item.deviceKind(), item.section(), item.text(),
          org.mmccycle.checklist.ChecklistItem.DONE, null, true));
    }

    String text = text(renderer.renderRecord(Documents.record("Acme", items)));

    assertThat(text).contains("(3 marked done in bulk)");
    assertThat(text.split("in bulk", -1)).as("three items and the summary").hasSize(5);
    assertThat(text(renderer.renderRecord(Documents.record("Acme", Documents.items(10))))).doesNotContain("in bulk");
  }

  @Test
  void shouldFileTheRecordAsPdfA2b() throws Exception {
    byte[] pdf = renderer.renderRecord(Documents.record("Acme", Documents.items(5)));

    var xmp = xmp(pdf);
    assertThat(pdfaId(xmp, "part")).isEqualTo("2");
    assertThat(pdfaId(xmp, "conformance")).isEqualTo("B");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getDocumentCatalog().getOutputIntents()).as("sRGB output intent").isNotEmpty();
    }
  }

  @Test
  void shouldRenderTheChecklistWithEmptyBoxesAndTheChangeNote() throws Exception {
    byte[] pdf = renderer.renderChecklist(Documents.checklist("Acme Logistics GmbH", Documents.items(20)));

    assertThat(text(pdf))
        .contains("Acme Logistics GmbH", "December 2026", "Revision", "4, published 2026-11-20 15:00")
        .contains("New printer added", "Device 0 (Server)", "Backups and restore test")
        .containsPattern("Check item number 1\\b").contains("Check item number 20")
        .contains("☐")
        .doesNotContain("Problem noted"); // a checklist is blank: results are not printed
    assertThat(pdfaId(xmp(pdf), "part")).as("an ordinary PDF, not PDF/A").isNull();
  }

  @Test
  void shouldPrintMarkupAndPathsInUserTextLiterally() throws IOException {
    List<ChecklistItem> items = new ArrayList<>(Documents.items(3));
    items.add(new ChecklistItem("x/1", "<b>NAS</b>", "Storage", "A & B", "Copy to ../../etc/passwd",
        ChecklistItem.ISSUE, "<img src=x onerror=alert(1)> \u0000 & done"));

    String record = text(renderer.renderRecord(Documents.record(HOSTILE, items)));
    String checklist = text(renderer.renderChecklist(Documents.checklist(HOSTILE, items)));

    assertThat(record).contains(HOSTILE, "<b>NAS</b>", "A & B", "Copy to ../../etc/passwd",
        "<img src=x onerror=alert(1)> & done");
    assertThat(checklist).contains(HOSTILE, "<b>NAS</b>", "Copy to ../../etc/passwd");
  }

  @Test
  void shouldEmbedEveryFontInBothDocuments() throws IOException {
    var items = Documents.items(10);
    for (byte[] pdf : List.of(
        renderer.renderRecord(Documents.record("Acme", items)),
        renderer.renderChecklist(Documents.checklist("Acme", items)))) {
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
          PDResources resources = page.getResources();
          for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
          }
        }
        assertThat(fonts).isNotEmpty().allSatisfy(font -> {
          assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
          assertThat(font.getName()).contains("DejaVuSans");
        });
      }
    }
  }

  @Test
  void shouldRenderTheSameDocumentToTheSameBytesAtAnotherTime() throws Exception {
    // the archive recognises a re-run job by identical content; FOP stamps the time to the millisecond
    var record = Documents.record("Acme", Documents.items(10));
    var checklist = Documents.checklist("Acme", Documents.items(10));
    byte[] firstRecord = renderer.renderRecord(record);
    byte[] firstChecklist = renderer.renderChecklist(checklist);

    Thread.sleep(1100);

    assertThat(renderer.renderRecord(record)).isEqualTo(firstRecord);
    assertThat(renderer.renderChecklist(checklist)).isEqualTo(firstChecklist);
    assertThat(text(firstRecord)).contains("Acme"); // still a valid PDF after the rewrite
  }

  @Test
  void shouldRenderFromSeveralThreadsAtOnce() throws Exception {
    // the job executor renders in parallel with the one shared FopFactory and Templates
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> pdfs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String client = "Client " + i;
        pdfs.add(pool.submit(() -> renderer.renderRecord(Documents.record(client, Documents.items(20)))));
      }
      for (int i = 0; i < 8; i++) {
        assertThat(text(pdfs.get(i).get(60, TimeUnit.SECONDS))).contains("Client " + i, "Check item number 20");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldRejectAMalformedMonth() {
    var record = new VisitRecord("acme", "Acme", "November", "remote", "T", Documents.EXECUTED,
        List.of(), null, null, "M", Documents.FILED, List.of());

    assertThatThrownBy(() -> renderer.renderRecord(record))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yyyy-MM");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static org.w3c.dom.Document xmp(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
          .parse(doc.getDocumentCatalog().getMetadata().exportXMPMetadata());
    }
  }

  /** pdfaid:part / pdfaid:conformance, written as an element or as an attribute. */
  private static String pdfaId(org.w3c.dom.Document xmp, String name) {
    var elements = xmp.getElementsByTagNameNS(PDFA_ID, name);
    if (elements.getLength() > 0) {
      return elements.item(0).getTextContent().trim();
    }
    var descriptions = xmp.getElementsByTagNameNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "Description");
    for (int i = 0; i < descriptions.getLength(); i++) {
      String value = ((Element) descriptions.item(i)).getAttributeNS(PDFA_ID, name);
      if (!value.isEmpty()) {
        return value;
      }
    }
    return null;
  }
}
