package org.mmccycle.document;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;

/**
 * The render benchmark's baseline: FOP as it comes (the product's fop.xconf and embedded DejaVu Sans,
 * without the product's once-parsed fonts), rendering a one-page PDF/A-2b of a title and a paragraph:
 * what any PDF/A with this font costs on this machine, measured in the same run as the filed record.
 */
public final class BareRender {

  private static final String FO = """
      <?xml version="1.0" encoding="UTF-8"?>
      <fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="DejaVu Sans" font-size="9pt" xml:lang="en">
        <fo:layout-master-set>
          <fo:simple-page-master master-name="page" page-width="210mm" page-height="297mm" margin="20mm">
            <fo:region-body/>
          </fo:simple-page-master>
        </fo:layout-master-set>
        <fo:page-sequence master-reference="page">
          <fo:flow flow-name="xsl-region-body">
            <fo:block font-size="14pt" font-weight="bold">Maintenance record</fo:block>
            <fo:block>One page with a title and a paragraph, in the embedded font, as PDF/A-2b.</fo:block>
          </fo:flow>
        </fo:page-sequence>
      </fo:root>
      """;

  private final FopFactory fopFactory = PdfRenderer.createFopFactory(new ClasspathResourceResolver());
  private final TransformerFactory transformers = TransformerFactory.newDefaultInstance();

  /** The one-page PDF/A-2b. */
  public byte[] onePage() throws Exception {
    FOUserAgent agent = fopFactory.newFOUserAgent();
    agent.getRendererOptions().put("pdf-a-mode", "PDF/A-2b");
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Fop fop = fopFactory.newFop(MimeConstants.MIME_PDF, agent, pdf);
    transformers.newTransformer().transform(new StreamSource(new StringReader(FO)), new SAXResult(fop.getDefaultHandler()));
    return pdf.toByteArray();
  }
}
