package org.mmccycle.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.junit.jupiter.api.Test;
import org.mmccycle.checklist.ChecklistItem;

/** Fonts parsed once give the same documents, byte for byte, as FOP's own loading of every font for every document. */
class ParsedFontsTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private final CountingResolver fopReads = new CountingResolver();
  private final CountingResolver onceReads = new CountingResolver();
  private final PdfRenderer fopLoading = new PdfRenderer(ZONE, fopReads, false);
  private final PdfRenderer parsedOnce = new PdfRenderer(ZONE, onceReads, true);

  /** Documents in turn that use different glyphs: each font subset must hold its own document's glyphs only. */
  private static final List<Function<PdfRenderer, byte[]>> DOCUMENTS = List.of(
      r -> r.renderRecord(Documents.record("Acme Logistics GmbH", Documents.items(70))),
      r -> r.renderChecklist(Documents.checklist("Ørsted & Søn ApS", Documents.items(12))),
      r -> r.renderRecord(Documents.record("Straße AVATAR Wa To Ψυχή Жук", unusualItems())),
      r -> r.renderChecklist(Documents.checklist("Acme", Documents.items(3))));

  @Test
  void shouldRenderTheSameBytesAsFopLoadingEveryFontForEveryDocument() {
    for (int round = 0; round < 2; round++) {
      for (var document : DOCUMENTS) {
        assertThat(document.apply(parsedOnce)).isEqualTo(document.apply(fopLoading));
      }
    }
  }

  @Test
  void shouldReadEachFontFileForParsingOnceNotForEveryDocument() {
    for (var document : DOCUMENTS) {
      document.apply(fopLoading);
      document.apply(parsedOnce);
    }

    // FOP reads each font file twice per document: to parse it for the layout, and to cut the subset it embeds
    String regular = "/fonts/DejaVuSans.ttf";
    String bold = "/fonts/DejaVuSans-Bold.ttf";
    int documents = DOCUMENTS.size();
    assertThat(fopReads.reads(regular)).isEqualTo(2 * documents);
    assertThat(fopReads.reads(bold)).isEqualTo(2 * documents);
    assertThat(onceReads.reads(regular)).as("one parse, then one subset per document").isEqualTo(1 + documents);
    assertThat(onceReads.reads(bold)).isEqualTo(1 + documents);
  }

  @Test
  void shouldGiveDocumentsRenderedAtOnceTheirOwnFonts() throws Exception {
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> pdfs = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        var document = DOCUMENTS.get(i % DOCUMENTS.size());
        pdfs.add(pool.submit(() -> document.apply(parsedOnce)));
      }
      for (int i = 0; i < 12; i++) {
        assertThat(pdfs.get(i).get(60, TimeUnit.SECONDS))
            .isEqualTo(DOCUMENTS.get(i % DOCUMENTS.size()).apply(fopLoading));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<ChecklistItem> unusualItems() {
    List<ChecklistItem> items = new ArrayList<>(Documents.items(4));
    items.add(new ChecklistItem("nas/1", "NAS «Ω-2»", "Storage", "Ümlauts & ligatures", "Check fi fl ffi — “quoted” ½ №5",
        ChecklistItem.ISSUE, "Disk 3: ≥ 90 % → replace; Ελληνικά, Кириллица"));
    return items;
  }

  /** The application's resolver, counting the reads of each path. */
  private static final class CountingResolver implements ResourceResolver {

    private final ClasspathResourceResolver classpath = new ClasspathResourceResolver();
    private final ConcurrentMap<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    @Override
    public Resource getResource(URI uri) throws IOException {
      reads.computeIfAbsent(uri.getSchemeSpecificPart(), path -> new AtomicInteger()).incrementAndGet();
      return classpath.getResource(uri);
    }

    @Override
    public OutputStream getOutputStream(URI uri) throws IOException {
      return classpath.getOutputStream(uri);
    }

    int reads(String path) {
      AtomicInteger count = reads.get(path);
      return count == null ? 0 : count.get();
    }
  }
}
