package org.mmccycle.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.springframework.core.io.ClassPathResource;

/**
 * Lets FOP read {@code classpath:/...} URIs (the fonts named in fop.xconf) and nothing else, so
 * that fonts resolve alike from {@code target/classes} and inside the Spring Boot jar, and a
 * document can never make FOP read a file or URL. FOP reads each font again for every document (to
 * cut the subset the PDF embeds; the parse for the layout is once, {@link ParsedFonts}): the bytes
 * are kept after the first read (two fonts, 1.4 MB), not unpacked from the jar each time.
 */
final class ClasspathResourceResolver implements ResourceResolver {

  static final String SCHEME = "classpath";

  private final Map<String, byte[]> read = new ConcurrentHashMap<>();

  @Override
  public Resource getResource(URI uri) throws IOException {
    if (!SCHEME.equals(uri.getScheme())) {
      throw new IOException("Documents may only use classpath resources, not " + uri);
    }
    String path = uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath();
    byte[] bytes = read.get(path);
    if (bytes == null) {
      try (InputStream in = new ClassPathResource(path).getInputStream()) {
        bytes = in.readAllBytes();
      }
      read.put(path, bytes);
    }
    return new Resource(new ByteArrayInputStream(bytes));
  }

  @Override
  public OutputStream getOutputStream(URI uri) throws IOException {
    throw new IOException("Documents may not write resources: " + uri);
  }
}
