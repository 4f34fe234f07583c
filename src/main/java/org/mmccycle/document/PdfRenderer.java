package org.mmccycle.document;

import java.time.Clock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import javax.xml.XMLConstants;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.xml.sax.SAXException;

/**
 * Renders checklists and visit records to PDF: data → XML → XSL-FO (document/*.xsl) → Apache FOP.
 *
 * <p>One {@link FopFactory} and one compiled {@link Templates} per document kind are built at
 * start-up and shared; both are thread-safe. Fonts (DejaVu Sans) come from the classpath through
 * document/fop.xconf, so they resolve from {@code target/classes} and inside the Boot jar alike,
 * every font is embedded, and each is parsed once, not for every document ({@link ParsedFonts}).
 * Only setting up a render is serialised (see {@code render}). Filed records are PDF/A-2b;
 * published checklists are ordinary PDF.
 */
@Service
public class PdfRenderer {

  private static final String PDF_A_2B = "PDF/A-2b";

  private final FopFactory fopFactory;
  private final Templates checklistTemplate;
  private final Templates recordTemplate;
  private final ZoneId zone;

  /** @param clock its zone is the one dates are printed in */
  @Autowired
  public PdfRenderer(Clock clock) {
    this(clock.getZone(), new ClasspathResourceResolver(), true);
  }

  /**
   * @param resources what FOP reads the fonts through
   * @param parseFontsOnce false: FOP parses every font for every document (to compare the output with)
   */
  PdfRenderer(ZoneId zone, ResourceResolver resources, boolean parseFontsOnce) {
    this.zone = zone;
    this.fopFactory = createFopFactory(resources);
    if (parseFontsOnce) {
      ParsedFonts.install(fopFactory);
    }
    TransformerFactory transformers = transformers();
    this.checklistTemplate = compile(transformers, "document/checklist.xsl");
    this.recordTemplate = compile(transformers, "document/record.xsl");
  }

  /** The checklist to take along on the next visit, as an ordinary PDF. */
  public byte[] renderChecklist(ChecklistDocument checklist) {
    String what = "checklist " + checklist.clientSlug() + " r" + checklist.revision();
    byte[] xml = DocumentXml.checklist(checklist, zone);
    return render(what, checklistTemplate, xml, false, checklist.publishedAt(),
        "Maintenance checklist " + checklist.clientName() + " " + checklist.cycleMonth());
  }

  /** The completed visit record to file, as PDF/A-2b. */
  public byte[] renderRecord(VisitRecord record) {
    String what = "visit record " + record.clientSlug() + " " + record.cycleMonth();
    byte[] xml = DocumentXml.record(record, zone);
    return render(what, recordTemplate, xml, true, record.filedAt(),
        "Maintenance record " + record.clientName() + " " + record.cycleMonth());
  }

  private byte[] render(
      String what, Templates template, byte[] xml, boolean pdfA, Instant created, String title) {
    try {
      FOUserAgent agent = fopFactory.newFOUserAgent();
      if (pdfA) {
        agent.getRendererOptions().put("pdf-a-mode", PDF_A_2B);
      }
      // with ReproduciblePdf: the same document renders to the same bytes, so a repeat is recognised
      agent.setCreationDate(Date.from(created));
      if (!pdfA) {
        // for PDF/A the title comes from the template's XMP packet (a language alternative, as
        // PDF/A requires); FOP would replace it with a simple value and copies it to the Info dictionary
        agent.setTitle(title);
      }
      agent.setCreator("MMC Cycle");
      var pdf = new ByteArrayOutputStream();
      Fop fop;
      // FOP reads its shared configuration (a DOM) while it sets up a renderer, and that read is not
      // thread-safe: two renders starting at once failed with an NPE in getRendererConfiguration.
      // Set-up is short; the layout and the PDF output that follow run in parallel.
      synchronized (fopFactory) {
        fop = fopFactory.newFop(MimeConstants.MIME_PDF, agent, pdf);
      }
      Transformer transformer = template.newTransformer();
      transformer.setParameter("title", title);
      transformer.transform(new StreamSource(new ByteArrayInputStream(xml)), new SAXResult(fop.getDefaultHandler()));
      return ReproduciblePdf.apply(pdf.toByteArray());
    } catch (Exception e) {
      throw new DocumentRenderingException("Could not render the " + what + " to PDF: " + e.getMessage(), e);
    }
  }

  /** For the package's other documents: their XML through their template to an ordinary PDF, with the shared FopFactory. */
  byte[] renderPdf(String what, Templates template, byte[] xml, Instant created, String title) {
    return render(what, template, xml, false, created, title);
  }

  /** For the package's other documents: compiles a template of document/. */
  static Templates template(String path) {
    return compile(transformers(), path);
  }

  // the JDK's own XSLT processor; the templates are ours and need nothing from outside
  private static TransformerFactory transformers() {
    TransformerFactory transformers = TransformerFactory.newDefaultInstance();
    transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    return transformers;
  }

  /** FOP with the product's configuration (document/fop.xconf, fonts from the classpath); no font parsed yet. */
  static FopFactory createFopFactory(ResourceResolver resources) {
    try (InputStream conf = new ClassPathResource("document/fop.xconf").getInputStream()) {
      URI base = URI.create(ClasspathResourceResolver.SCHEME + ":/document/");
      return new FopConfParser(conf, base, resources).getFopFactoryBuilder().build();
    } catch (IOException | SAXException e) {
      throw new DocumentRenderingException("Could not load document/fop.xconf", e);
    }
  }

  private static Templates compile(TransformerFactory transformers, String path) {
    try (InputStream xsl = new ClassPathResource(path).getInputStream()) {
      return transformers.newTemplates(new StreamSource(xsl, path));
    } catch (IOException | TransformerConfigurationException e) {
      throw new DocumentRenderingException("Could not compile the template " + path, e);
    }
  }
}
