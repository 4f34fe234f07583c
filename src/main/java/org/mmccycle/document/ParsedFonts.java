package org.mmccycle.document;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.apps.io.InternalResourceResolver;
import org.apache.fop.fonts.CIDFontType;
import org.apache.fop.fonts.CMapSegment;
import org.apache.fop.fonts.EmbedFontInfo;
import org.apache.fop.fonts.EmbeddingMode;
import org.apache.fop.fonts.EncodingMode;
import org.apache.fop.fonts.FontCollection;
import org.apache.fop.fonts.FontTriplet;
import org.apache.fop.fonts.LazyFont;
import org.apache.fop.fonts.MultiByteFont;
import org.apache.fop.fonts.Typeface;
import org.apache.fop.fonts.truetype.FontFileReader;
import org.apache.fop.fonts.truetype.OFFontLoader;
import org.apache.fop.fonts.truetype.TTFFile;
import org.apache.fop.render.intermediate.AbstractIFDocumentHandlerMaker;
import org.apache.fop.render.intermediate.IFContext;
import org.apache.fop.render.intermediate.IFDocumentHandler;
import org.apache.fop.render.intermediate.IFDocumentHandlerConfigurator;
import org.apache.fop.render.pdf.PDFDocumentHandler;
import org.apache.fop.render.pdf.PDFRendererConfig.PDFRendererConfigParser;
import org.apache.fop.render.pdf.PDFRendererConfigurator;

/**
 * TrueType fonts parsed once per {@link FopFactory}, not once per document.
 *
 * <p>FOP gives every document a {@link LazyFont} that reads and parses the whole font file on first
 * use (DejaVu Sans: 6,253 glyphs, their widths, boxes, character map and kerning pairs), which was a
 * quarter of the time a filed record took to render. The parsed values never change, but the font
 * object built from them does: it records the glyphs a document uses, and the PDF embeds just those.
 * So the values are kept here, and every document gets its own {@link MultiByteFont} made from them,
 * set up exactly as FOP's {@link OFFontLoader} sets one up (same metrics, same subset, same bytes:
 * ParsedFontsTest compares the output with FOP's own loading, and so tells on a FOP upgrade whether
 * {@code newFont} still matches what OFFontLoader does).
 *
 * <p>Only the fonts this covers take this path (an embedded TrueType file, subset, CID-encoded, no
 * SVG glyphs, no style simulation, no advanced typography); any other configured font is loaded by
 * FOP as before.
 */
final class ParsedFonts {

  /** By font file and whether kerning is read; empty for a file this class does not cover. */
  private final Map<List<Object>, Optional<Parsed>> parsed = new ConcurrentHashMap<>();

  private ParsedFonts() {}

  /** Makes {@code factory}'s PDF output take its TrueType fonts from one parse each. */
  static void install(FopFactory factory) {
    factory.getRendererFactory().addDocumentHandlerMaker(new PdfHandlerMaker(new ParsedFonts()));
  }

  /** FOP's PDF document handler, whose configurator hands out this cache's font collection. */
  private static final class PdfHandlerMaker extends AbstractIFDocumentHandlerMaker {

    private final ParsedFonts fonts;

    PdfHandlerMaker(ParsedFonts fonts) {
      this.fonts = fonts;
    }

    @Override
    public IFDocumentHandler makeIFDocumentHandler(IFContext context) {
      // as FOP's PDFDocumentHandlerMaker, with the configurator below
      PDFDocumentHandler handler = new PDFDocumentHandler(context) {
        @Override
        public IFDocumentHandlerConfigurator getConfigurator() {
          return new PDFRendererConfigurator(getUserAgent(), new PDFRendererConfigParser()) {
            @Override
            protected FontCollection createCollectionFromFontList(
                InternalResourceResolver resolver, List<EmbedFontInfo> fontList) {
              return fonts.collection(resolver, fontList, userAgent.isComplexScriptFeaturesEnabled());
            }
          };
        }
      };
      FOUserAgent agent = context.getUserAgent();
      if (agent.isAccessibilityEnabled()) {
        agent.setStructureTreeEventHandler(handler.getStructureTreeEventHandler());
      }
      return handler;
    }

    @Override
    public boolean needsOutputStream() {
      return true;
    }

    @Override
    public String[] getSupportedMimeTypes() {
      return new String[] {MimeConstants.MIME_PDF};
    }
  }

  /** What FOP's CustomFontCollection does, with fonts made from the cache where they can be. */
  private FontCollection collection(InternalResourceResolver resolver, List<EmbedFontInfo> fontList,
      boolean complexScripts) {
    return (start, fontInfo) -> {
      int number = start;
      for (EmbedFontInfo info : fontList == null ? List.<EmbedFontInfo>of() : fontList) {
        String internalName = "F" + number++;
        fontInfo.addMetrics(internalName, font(info, resolver, complexScripts));
        for (FontTriplet triplet : info.getFontTriplets()) {
          fontInfo.addFontProperties(internalName, triplet);
        }
      }
      return number;
    };
  }

  private Typeface font(EmbedFontInfo info, InternalResourceResolver resolver, boolean complexScripts) {
    URI file = info.getEmbedURI();
    // with a resource resolver, LazyFont reads advanced typography exactly when complex scripts are on
    boolean covered = file != null && info.getMetricsURI() == null && info.getSubFontName() == null
        && info.isEmbedded() && !complexScripts && !info.getSimulateStyle() && !info.getEmbedAsType1()
        && (info.getEmbeddingMode() == null || info.getEmbeddingMode() == EmbeddingMode.AUTO
            || info.getEmbeddingMode() == EmbeddingMode.SUBSET)
        && info.getEncodingMode() != EncodingMode.SINGLE_BYTE;
    if (covered) {
      Optional<Parsed> font = parsed.computeIfAbsent(List.of(file, info.getKerning()),
          key -> Parsed.read(file, resolver, info.getKerning()));
      if (font.isPresent() && !(font.get().svgGlyphs() && info.getUseSVG())) {
        return font.get().newFont(resolver);
      }
    }
    return new LazyFont(info, resolver, complexScripts);
  }

  /** TTFFile, for the one protected field OFFontLoader reads from it: whether it has SVG glyphs. */
  private static final class TrueTypeFile extends TTFFile {

    TrueTypeFile(boolean kerning) {
      super(kerning, false);
    }

    boolean svgGlyphs() {
      return svgs != null;
    }
  }

  /**
   * The values OFFontLoader.buildFont copies from a parsed TrueType file into a CID font. Arrays
   * and maps are shared between documents and never written: FOP only reads them.
   *
   */
  private record Parsed(URI file, boolean svgGlyphs, String fontName, String fullName,
      Set<String> familyNames, String subFamilyName, int capHeight, int xHeight, int ascender, int descender,
      int[] fontBBox, int underlinePosition, int underlineThickness, int strikeoutPosition,
      int strikeoutThickness, int flags, int stemV, int italicAngle, int weight, int[] widths,
      Rectangle[] boxes, CMapSegment[] cmap, Map<Integer, Map<Integer, Integer>> kerningPairs) {

    /** The parsed font, or empty where it is not a TrueType file this class covers (FOP then loads it). */
    static Optional<Parsed> read(URI file, InternalResourceResolver resolver, boolean kerning) {
      try (InputStream in = resolver.getResource(file)) {
        FontFileReader reader = new FontFileReader(in);
        String header = OFFontLoader.readHeader(reader);
        if ("OTTO".equals(header) || "ttcf".equals(header)) {
          return Optional.empty(); // OpenType with CFF outlines, or a collection: not covered
        }
        TrueTypeFile ttf = new TrueTypeFile(kerning);
        if (!ttf.readFont(reader, header, (String) null)) {
          throw new IOException("The font does not have a Unicode cmap table: " + file);
        }
        if (!ttf.isEmbeddable()) {
          throw new IOException("The font " + file + " is not embeddable due to a licensing restriction.");
        }
        Map<Integer, Map<Integer, Integer>> pairs = new HashMap<>();
        if (kerning && ttf.getKerning() != null) {
          ttf.getKerning().forEach((first, seconds) -> pairs.put(first, Map.copyOf(seconds)));
        }
        String name = ttf.getEmbedFontName().isEmpty() ? ttf.getPostScriptName() : ttf.getEmbedFontName();
        return Optional.of(new Parsed(file, ttf.svgGlyphs(), name, ttf.getFullName(), Set.copyOf(ttf.getFamilyNames()),
            ttf.getSubFamilyName(), ttf.getCapHeight(), ttf.getXHeight(), ttf.getLowerCaseAscent(),
            ttf.getLowerCaseDescent(), ttf.getFontBBox(),
            ttf.getUnderlinePosition() - ttf.getUnderlineThickness() / 2, ttf.getUnderlineThickness(),
            ttf.getStrikeoutPosition() - ttf.getStrikeoutThickness() / 2, ttf.getStrikeoutThickness(),
            ttf.getFlags(), Integer.parseInt(ttf.getStemV()), Integer.parseInt(ttf.getItalicAngle()),
            ttf.getWeightClass(), ttf.getWidths(), ttf.getBoundingBoxes(),
            ttf.getCMaps().toArray(new CMapSegment[0]), Map.copyOf(pairs)));
      } catch (IOException e) {
        throw new DocumentRenderingException("Could not read the font " + file + ": " + e.getMessage(), e);
      }
    }

    /** A font for one document, as OFFontLoader.buildFont makes it for an embedded, subset CID TrueType font. */
    MultiByteFont newFont(InternalResourceResolver resolver) {
      MultiByteFont font = new MultiByteFont(resolver, EmbeddingMode.SUBSET);
      font.setIsOTFFile(false);
      font.setTTCName(null);
      font.setSimulateStyle(false);
      font.setFontURI(file);
      font.setFontName(fontName);
      font.setFullName(fullName);
      font.setFamilyNames(familyNames);
      font.setFontSubFamilyName(subFamilyName);
      font.setCapHeight(capHeight);
      font.setXHeight(xHeight);
      font.setAscender(ascender);
      font.setDescender(descender);
      font.setFontBBox(fontBBox);
      font.setUnderlinePosition(underlinePosition);
      font.setUnderlineThickness(underlineThickness);
      font.setStrikeoutPosition(strikeoutPosition);
      font.setStrikeoutThickness(strikeoutThickness);
      font.setFlags(flags);
      font.setStemV(stemV);
      font.setItalicAngle(italicAngle);
      font.setMissingWidth(0);
      font.setWeight(weight);
      font.setCIDType(CIDFontType.CIDTYPE2);
      font.setWidthArray(widths);
      font.setBBoxArray(boxes);
      font.setCMap(cmap);
      if (!kerningPairs.isEmpty()) {
        font.replaceKerningMap(kerningPairs);
      }
      font.setEmbedURI(file);
      return font;
    }
  }
}
